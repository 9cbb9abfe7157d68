# ffa top-level Makefile.
#
#   make            build the host parts (lib, tests, examples)
#   make check      install what is missing, build, run every test
#   make check-aarch64  the host parts built for aarch64, run under qemu-user
#   make fuzz       run the fuzzers for FUZZ_SECONDS each (default 300)
#   make demo       the main demo: Linux and our firmware in QEMU
#   make demo-host  the host runtime tour (one process, no QEMU)
#   make shell      a shell in the QEMU guest (BENCH_SMP CPUs, default 2;
#                   BENCH_DRIVER=ours for linux/ffa.ko)
#   make linux      our Linux FF-A driver, linux/ffa.ko
#   make clean
#
# Quiet by default, one short line a step as Kbuild prints them; V=1
# shows every command (scripts/quiet.mk).

BUILD		?= build
CC		?= cc
CLANG		?= clang
CROSS_COMPILE	?= aarch64-linux-gnu-
FUZZ_SECONDS	?= 300
FUZZ_SMOKE_SECONDS ?= 30

WARN		:= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wpointer-arith -Wvla -Wdeclaration-after-statement
# Each layer sees only the include paths docs/ARCHITECTURE.md allows it,
# so a forbidden #include fails the build: lib/ the ABI facts and its own
# API; spm/ and partitions/ lib/ plus their own; programs and tests all.
LIB_INCLUDES	:= -Iinclude -Ilib/include
SPM_INCLUDES	:= $(LIB_INCLUDES) -Ispm/include
PART_INCLUDES	:= $(LIB_INCLUDES) -Ipartitions/include
INCLUDES	:= $(LIB_INCLUDES) -Ispm/include -Ipartitions/include \
		   -Ihost/include
BASE_CFLAGS	:= -std=gnu11 -O2 -g $(WARN) -MMD -MP
HOST_CFLAGS	:= $(BASE_CFLAGS) $(INCLUDES)
SPM_CFLAGS	:= $(HOST_CFLAGS) -Ispm

LIB_SRCS	:= $(sort $(shell find lib -name '*.c'))
LIB_OBJS	:= $(LIB_SRCS:%.c=$(BUILD)/host/%.o)
LIBFFA		:= $(BUILD)/host/libffa.a

SPM_SRCS	:= $(sort $(shell find spm -name '*.c'))
SPM_OBJS	:= $(SPM_SRCS:%.c=$(BUILD)/host/%.o)
LIBSPM		:= $(BUILD)/host/libffa-spm.a

PART_SRCS	:= $(sort $(shell find partitions -name '*.c'))
PART_OBJS	:= $(PART_SRCS:%.c=$(BUILD)/host/%.o)
LIBPARTITIONS	:= $(BUILD)/host/libffa-partitions.a

# Partition manifests, compiled with dtc.
MANIFEST_SRCS	:= $(sort $(wildcard partitions/manifests/*.dts))
MANIFESTS	:= $(MANIFEST_SRCS:partitions/manifests/%.dts=$(BUILD)/manifests/%.dtb)

TEST_SUPPORT_SRCS := $(sort $(wildcard tests/unit/support/*.c))
TEST_SUPPORT_OBJS := $(TEST_SUPPORT_SRCS:%.c=$(BUILD)/host/%.o)
# An archive, so a test links only the support it uses.
TEST_SUPPORT	:= $(BUILD)/host/libtestsupport.a
UNIT_SRCS	:= $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS	:= $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
TEST_CFLAGS	:= $(HOST_CFLAGS) -Wno-missing-prototypes -Itests/unit/support -Ispm
# The tests' objects are intermediates of a pattern chain: kept, not
# removed at the end with one long "rm" line (and their .d still count).
.SECONDARY: $(UNIT_SRCS:%.c=$(BUILD)/host/%.o)
CMOCKA_LIBS	:= $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
FDT_LIBS	?= -lfdt

include scripts/quiet.mk

# The host runtime: libffa-host.a and its manifest fixtures.
include host/host.mk

# The EL2 firmware for the QEMU bench (in progress: make firmware,
# make fw-test; not part of all or check yet).
include firmware/firmware.mk

TEST_LIBS	:= $(TEST_SUPPORT) $(LIBFFA_HOST) $(LIBPARTITIONS) $(LIBSPM) \
		   $(LIBFFA) $(CMOCKA_LIBS) $(FDT_LIBS)

# libffadev and ffactl, /dev/ffa from userspace (docs/ffactl.md).
include tools/ffadev/ffadev.mk

FUZZ_SRCS	:= $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS	:= $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)
comma		:= ,
FUZZ_CFLAGS	:= -std=gnu11 -O1 -g $(WARN) -Wno-missing-prototypes $(INCLUDES) \
		   -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

# Programs: the ffa-host tool, the example and the benchmark.
TOOL_SRCS	:= $(sort $(wildcard tools/ffa-host/*.c))
FFA_HOST_BIN	:= $(BUILD)/bin/ffa-host
HELLO_SRCS	:= $(sort $(wildcard examples/hello/*.c))
HELLO_BIN	:= $(BUILD)/examples/hello
HELLO_DTBS	:= $(BUILD)/examples/hello.dtb $(BUILD)/examples/host.dtb
BENCH_BIN	:= $(BUILD)/bench/ffa-bench
BENCH_DTBS	:= $(BUILD)/bench/bench-host.dtb $(BUILD)/bench/bench-tp.dtb
RT_LIBS		= $(LIBFFA_HOST) $(LIBPARTITIONS) $(LIBSPM) $(LIBFFA) $(FDT_LIBS)
PROGRAMS	:= $(FFA_HOST_BIN) $(HELLO_BIN) $(HELLO_DTBS) $(BENCH_BIN) \
		   $(BENCH_DTBS)

PREFIX		?= /usr/local

# The demo system: four partitions (the twins share a UUID) and the tour.
DEMO_ARGS	= --mem 0x10400000 \
		  $(BUILD)/manifests/test-partition.dtb=test-partition \
		  $(BUILD)/manifests/echo.dtb=echo \
		  $(BUILD)/manifests/twin-a.dtb=test-partition \
		  $(BUILD)/manifests/twin-b.dtb=test-partition \
		  $(BUILD)/manifests/host.dtb=demo

.PHONY: all check deps unit fuzz fuzz-smoke freestanding kernel-world \
	demo demo-host shell bench install examples e2e bench-setup \
	qemu-check clean check-aarch64 aarch64-run linux

# An empty recipe: up to date, make says nothing (as Kbuild), not
# "Nothing to be done".
all: $(LIBFFA) $(LIBSPM) $(LIBPARTITIONS) $(LIBFFA_HOST) $(MANIFESTS) \
     $(UNIT_BINS) $(PROGRAMS) ffadev ffactl
	@:

deps:
	@scripts/install-deps

# In make check nothing may be skipped: a missing prerequisite or a test
# that does not run is a failure (scripts honour FFA_REQUIRE_ALL=1).
check qemu-check: export FFA_REQUIRE_ALL = 1

check: deps
	@$(MAKE) --no-print-directory all
	@scripts/check-freestanding
	@scripts/check-kernel-world
	@scripts/check-linux-boundary --self-test
	@scripts/check-linux-boundary
	@BUILD=$(BUILD) scripts/check-install
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory check-aarch64
	@$(MAKE) --no-print-directory fuzz-smoke
	@$(MAKE) --no-print-directory qemu-check

unit: $(UNIT_BINS)
	@scripts/run-unit $(UNIT_BINS)

# The host parts for arm64 hosts: the same rules again, with the cross
# compiler, into $(BUILD)/aarch64; then the unit suite (and the page-size
# test with 16 and 64 KiB pages) and the demo-host tour under qemu-user,
# or natively on an aarch64 machine (scripts/run-aarch64). libfdt-dev is
# not multiarch in Debian 12 (its arm64 package would replace the amd64
# one), so the headers are the host's and the library is libfdt1:arm64.
AARCH64_CC	?= $(CROSS_COMPILE)gcc
check-aarch64: deps
	@PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig \
	 $(MAKE) --no-print-directory BUILD=$(BUILD)/aarch64 \
		CC=$(AARCH64_CC) FDT_LIBS=-l:libfdt.so.1 aarch64-run

# Run by check-aarch64, in whose make $(BUILD) is the aarch64 one.
ifeq ($(HOST_ARCH),aarch64)
aarch64-run: all
	@scripts/run-unit --arch aarch64 $(UNIT_BINS) \
		$(BUILD)/tests/test_host_page_size@16384 \
		$(BUILD)/tests/test_host_page_size@65536
	@echo "== tour (aarch64): $(FFA_HOST_BIN), the demo-host system"
	@scripts/run-aarch64 $(FFA_HOST_BIN) $(DEMO_ARGS) || \
		{ echo "tour (aarch64): FAILED" >&2; false; }
	@echo "tour (aarch64): passed"
else
aarch64-run:
	@echo "aarch64-run: $(CC) builds for $(HOST_ARCH);" \
	      "use make check-aarch64" >&2; false
endif

fuzz-smoke: $(FUZZ_BINS)
	@scripts/check-fuzz-stages $(BUILD)/fuzz/fuzz_spm
	@scripts/run-fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_BINS)

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)
	@scripts/check-fuzz-stages $(BUILD)/fuzz/fuzz_spm
	@scripts/run-fuzz $(FUZZ_SECONDS) $(FUZZ_BINS)

freestanding:
	@scripts/check-freestanding

kernel-world:
	@scripts/check-kernel-world

# Our Linux FF-A driver, linux/ffa.ko, against the cached bench kernel
# (make -C linux KDIR=... for another tree; linux/README.md).
linux: bench-setup
	@$(MAKE) --no-print-directory -C linux

# The main demo: the QEMU bench, Linux discovering our partitions, a
# message and a memory share (tests/e2e/demo).
demo: bench-setup
	@tests/e2e/demo

# A shell in the guest, the arm_ffa modules loaded and ffa_e2e.ko in
# /lib/modules/*/extra (insmod it), ffactl and the /dev/ffa examples in
# /. Exit the shell or Ctrl-A X to quit.
BENCH_SMP	?= 2
BENCH_DRIVER	?= upstream
shell: bench-setup
	@tests/e2e/build-module >/dev/null
	@$(MAKE) --no-print-directory -s ffactl-aarch64
	@scripts/bench/run --shell --smp $(BENCH_SMP) --driver $(BENCH_DRIVER) \
		--add-noload $(BUILD)/e2e-mod/ffa_e2e.ko \
		$(foreach p,ffactl raw_share ffa_hello,--add $(BUILD)/aarch64-static/$(p):/$(p))

# The host runtime tour: the partition manager and four partitions in one
# process.
demo-host: deps
	@$(MAKE) --no-print-directory $(FFA_HOST_BIN) $(MANIFESTS)
	@echo "== ffa demo: the partition manager and four partitions on the host"
	@echo "== runtime, one process; your host main is the tour below"
	$(Q)$(FFA_HOST_BIN) $(DEMO_ARGS)

# The host benchmark, then the QEMU bench's instructions (and wall-clock
# time) per FF-A operation against tests/bench/icount-baseline.txt
# (tests/bench/icount/run; ICOUNT_UPDATE=1 rewrites that file), then the
# same through a driver, upstream's and ours, and share -> reclaim per
# page through ours (tests/bench/drvlat/run), then /dev/ffa from
# userspace beside the in-kernel path (tests/bench/devlat/run).
ICOUNT_UPDATE	?= 0
bench: deps
	@$(MAKE) --no-print-directory $(BENCH_BIN) $(BENCH_DTBS)
	@scripts/run-bench $(BENCH_BIN) $(BUILD)/bench
	@$(MAKE) --no-print-directory bench-setup
	@ICOUNT_UPDATE=$(ICOUNT_UPDATE) tests/bench/icount/run
	@tests/bench/drvlat/run
	@tests/bench/devlat/run

# The QEMU bench end to end: our firmware runs the manager and the
# partitions, Linux 6.12 at EL1 runs our test module against the upstream
# arm_ffa driver, on 1 and 2 CPUs, with the manager speaking v1.2 and then
# v1.0. The kernel is built once and cached outside the clone, and so is
# its debug variant (64K pages, lockdep, KASAN), whose fragment must
# repeat every line of the default one.
DEBUG64K_FRAGMENT = scripts/bench/kernel-debug64k.fragment
bench-setup: deps
	@scripts/bench/install-bench-deps
	@scripts/bench/build-kernel --print-image >/dev/null
	@scripts/bench/check-fragments
	@scripts/bench/build-kernel --fragment $(DEBUG64K_FRAGMENT) \
		--link bench-kernel-debug64k --print-image >/dev/null
	@$(MAKE) --no-print-directory firmware

e2e: bench-setup
	@tests/e2e/run
	@tests/e2e/run --v1_0
	@tests/e2e/byo

# What make check runs of it: every firmware stage, our driver's build
# (-Werror fails a compiler warning; the grep a modpost one), then the
# e2e suite on upstream's driver and on ours, each against the v1.2 and
# the v1.0 manager, each on 1 and 2 CPUs (tests/e2e/run).
qemu-check: bench-setup
	@echo "qemu: firmware stages (fw-test)"
	@FFA_BENCH_KERNEL=build/bench-kernel/Image \
		firmware/tests/run-qemu $(BUILD)/firmware
	@echo "qemu: our driver, linux/ffa.ko, builds warning-free (make -C linux)"
	@$(MAKE) --no-print-directory -s -C linux >$(BUILD)/linux-mod.log 2>&1 || \
		{ cat $(BUILD)/linux-mod.log; exit 1; }
	@! grep -i 'warning' $(BUILD)/linux-mod.log
	@echo "qemu: the e2e suite through Linux, upstream's driver and ours"
	@tests/e2e/run
	@tests/e2e/run --v1_0
	@tests/e2e/run --driver ours
	@tests/e2e/run --driver ours --v1_0
	@echo "qemu: the hypervisor-allocated RX/TX pair (docs/dt-rxtx.md), both drivers"
	@tests/e2e/run --driver ours --dt-rxtx
	@tests/e2e/run --dt-rxtx
	@echo "qemu: our driver's own suite (tests/drv: REQ2, donate, borrowers, 256 MiB, unload)"
	@tests/drv/run
	@echo "qemu: /dev/ffa from userspace (tests/dev: ioctls, errno table, lifetime, ffactl)"
	@tests/dev/run
	@echo "qemu: our driver and /dev/ffa on the debug kernel (64K pages, lockdep, KASAN)"
	@tests/e2e/run --driver ours --kernel debug64k 1 2
	@tests/dev/run --kernel debug64k 2
	@echo "qemu: your own partition and module (tests/e2e/byo)"
	@tests/e2e/byo

examples: $(HELLO_BIN) $(HELLO_DTBS)
	$(Q)$(HELLO_BIN) $(HELLO_DTBS)

install: $(LIBFFA) $(LIBSPM) $(LIBPARTITIONS) $(LIBFFA_HOST) $(FFA_HOST_BIN) \
	 install-ffadev
	$(call msg,INSTALL,$(DESTDIR)$(PREFIX))
	$(Q)install -d $(DESTDIR)$(PREFIX)/include/ffa \
		$(DESTDIR)$(PREFIX)/include/libffa \
		$(DESTDIR)$(PREFIX)/include/spm \
		$(DESTDIR)$(PREFIX)/include/partitions \
		$(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/bin
	$(Q)install -m 644 include/ffa/*.h $(DESTDIR)$(PREFIX)/include/ffa
	$(Q)install -m 644 lib/include/libffa/*.h $(DESTDIR)$(PREFIX)/include/libffa
	$(Q)install -m 644 spm/include/spm/*.h $(DESTDIR)$(PREFIX)/include/spm
	$(Q)install -m 644 partitions/include/partitions/*.h \
		$(DESTDIR)$(PREFIX)/include/partitions
	$(Q)install -m 644 host/include/ffa_host.h $(DESTDIR)$(PREFIX)/include
	$(Q)install -m 644 $(LIBFFA_HOST) $(LIBPARTITIONS) $(LIBSPM) $(LIBFFA) \
		$(DESTDIR)$(PREFIX)/lib
	$(Q)install -m 755 $(FFA_HOST_BIN) $(DESTDIR)$(PREFIX)/bin

$(BUILD)/host/%.o: %.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(HOST_CFLAGS) -c $< -o $@

$(BUILD)/host/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(BASE_CFLAGS) $(LIB_INCLUDES) -c $< -o $@

$(BUILD)/host/spm/%.o: spm/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(BASE_CFLAGS) $(SPM_INCLUDES) -c $< -o $@

$(BUILD)/host/partitions/%.o: partitions/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(BASE_CFLAGS) $(PART_INCLUDES) -c $< -o $@

$(LIBFFA): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(LIBSPM): $(SPM_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/host/tests/unit/test_partitions.o: $(MANIFESTS)
$(BUILD)/host/tests/unit/test_partitions.o: TEST_CFLAGS += \
	-DMANIFEST_DIR='"$(BUILD)/manifests"'

$(LIBPARTITIONS): $(PART_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/manifests/%.dtb: partitions/manifests/%.dts
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<

$(TEST_SUPPORT): $(TEST_SUPPORT_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/host/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(TEST_CFLAGS) -c $< -o $@

$(BUILD)/tests/%: $(BUILD)/host/tests/unit/%.o $(TEST_SUPPORT) $(LIBFFA_HOST) \
		  $(LIBPARTITIONS) $(LIBSPM) $(LIBFFA)
	@mkdir -p $(dir $@)
	$(call msg,LD,$@)
	$(Q)$(CC) -o $@ $< $(TEST_LIBS)

# map_check() (no cmocka) ties the manager's records to the mappings;
# built without coverage, so its branches do not steer the fuzzers.
FUZZ_SUPPORT	:= $(BUILD)/fuzz/map_check.o
# Each fuzzer is one compile of every source: it depends on every header
# those sources may include, so a changed struct rebuilds it.
FUZZ_HDRS	:= $(shell find include lib spm tests/unit/support tests/fuzz \
		     -name '*.h')
$(FUZZ_SUPPORT): tests/unit/support/map_check.c $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CLANG) $(subst fuzzer$(comma),,$(FUZZ_CFLAGS)) -Ispm -c $< -o $@

# fuzz_spm's world: the platform, the boot and the checks after a call.
$(BUILD)/fuzz/fuzz_spm: tests/fuzz/spm_world.c tests/fuzz/spm_world.h
$(BUILD)/fuzz/fuzz_spm: FUZZ_EXTRA := tests/fuzz/spm_world.c
# fuzz_mtd's oracle: a reference validator written from the spec tables.
$(BUILD)/fuzz/fuzz_mtd: tests/fuzz/mtd_ref.c tests/fuzz/mtd_ref.h
$(BUILD)/fuzz/fuzz_mtd: FUZZ_EXTRA := tests/fuzz/mtd_ref.c

$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIB_SRCS) $(SPM_SRCS) $(FUZZ_SUPPORT) \
		 $(FUZZ_HDRS)
	@mkdir -p $(dir $@)
	$(call msg,CCLD,$@)
	$(Q)$(CLANG) $(FUZZ_CFLAGS) -Ispm -Itests/unit/support -o $@ $< \
		$(FUZZ_EXTRA) $(LIB_SRCS) $(SPM_SRCS) $(FUZZ_SUPPORT) -lfdt

$(FFA_HOST_BIN): $(TOOL_SRCS) $(LIBFFA_HOST) $(LIBPARTITIONS) $(LIBSPM) \
		 $(LIBFFA)
	@mkdir -p $(dir $@)
	$(call msg,CCLD,$@)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $(TOOL_SRCS) $(RT_LIBS)

$(HELLO_BIN): $(HELLO_SRCS) $(LIBFFA_HOST) $(LIBPARTITIONS) $(LIBSPM) \
	      $(LIBFFA)
	@mkdir -p $(dir $@)
	$(call msg,CCLD,$@)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $(HELLO_SRCS) $(RT_LIBS)

$(BUILD)/examples/%.dtb: examples/hello/%.dts
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<

$(BENCH_BIN): tests/bench/bench.c $(LIBFFA_HOST) $(LIBPARTITIONS) $(LIBSPM) \
	      $(LIBFFA)
	@mkdir -p $(dir $@)
	$(call msg,CCLD,$@)
	$(Q)$(CC) $(HOST_CFLAGS) -o $@ $< $(RT_LIBS)

$(BUILD)/bench/%.dtb: tests/bench/%.dts
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)dtc -q -I dts -O dtb -o $@ $<

clean:
	$(call msg,CLEAN,$(BUILD))
	$(Q)rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

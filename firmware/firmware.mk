# firmware/firmware.mk: the EL2 image for QEMU virt (ffa-el2.bin), its
# test variant and the EL1 test payload. The top-level Makefile includes
# it after defining BUILD and CROSS_COMPILE:
#
#	include firmware/firmware.mk
#
# and may list $(FW_ALL) in a goal. It also works alone:
#
#	make -f firmware/firmware.mk BUILD=build            # build
#	make -f firmware/firmware.mk BUILD=build fw-test    # QEMU tests
#
# libfdt comes from the kernel source package (linux-source-6.12): only
# scripts/dtc/libfdt/*.[ch] are extracted into $(BUILD), never into the
# tree, and built with our env/freestanding/libfdt_env.h (theirs is left
# out of the extraction so that it cannot shadow ours).

BUILD		?= build
CROSS_COMPILE	?= aarch64-linux-gnu-
LINUX_SRC_TAR	?= /usr/src/linux-source-6.12.tar.xz

FW_SAVED_GOAL	:= $(.DEFAULT_GOAL)

# One short line a step, V=1 for the commands (as the top Makefile).
include scripts/quiet.mk

FW_CC		:= $(CROSS_COMPILE)gcc
FW_OBJCOPY	:= $(CROSS_COMPILE)objcopy
FW_OUT		:= $(BUILD)/firmware
FW_GCCINC	:= $(shell $(FW_CC) -print-file-name=include 2>/dev/null)

FW_WARN		:= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wpointer-arith -Wvla \
		   -Wdeclaration-after-statement
# -fno-tree-loop-distribute-patterns: GCC must not turn the byte loops
# of memset/memcpy (firmware/lib) back into calls to themselves.
FW_BASE_CFLAGS	:= -std=gnu11 -O2 -g -ffreestanding -nostdinc \
		   -isystem $(FW_GCCINC) -mgeneral-regs-only -mstrict-align \
		   -fno-pie -fno-pic -fno-common -fno-stack-protector \
		   -fno-asynchronous-unwind-tables -fno-omit-frame-pointer \
		   -ffunction-sections -fdata-sections \
		   -fno-tree-loop-distribute-patterns -MMD -MP
FW_LIBFDT_DIR	:= $(FW_OUT)/libfdt
FW_INCLUDES	:= -Ifirmware/include -Iinclude -Ienv/freestanding \
		   -I$(FW_LIBFDT_DIR) -Ispm/include -Ilib/include
FW_CFLAGS	:= $(FW_BASE_CFLAGS) $(FW_WARN) $(FW_INCLUDES)
FW_ASFLAGS	:= $(FW_BASE_CFLAGS) $(FW_INCLUDES) -D__ASSEMBLY__
FW_LDFLAGS	:= -nostdlib -static -no-pie -Wl,--gc-sections \
		   -Wl,--build-id=none -Wl,--no-warn-rwx-segments

# libfdt, as the kernel vendors it.
FW_LIBFDT_NAMES	:= fdt fdt_ro fdt_rw fdt_wip fdt_sw fdt_addresses \
		   fdt_strerror fdt_empty_tree
FW_LIBFDT_STAMP	:= $(FW_LIBFDT_DIR)/.extracted
FW_LIBFDT_OBJS	:= $(FW_LIBFDT_NAMES:%=$(FW_OUT)/obj/libfdt/%.o)

# The partition manager and the FF-A core, unchanged: freestanding code
# built with the firmware's flags (-mno-outline-atomics is not needed:
# they use no atomics; the firmware's lock is inline assembly).
FW_CORE_SRCS	:= $(sort $(shell find spm lib -name '*.c'))
FW_CORE_OBJS	:= $(FW_CORE_SRCS:%.c=$(FW_OUT)/obj/core/%.o)

# Manifests compiled with dtc and embedded in the image (manifests.S).
FW_DTC		?= dtc
FW_MANIFESTS	:= $(sort $(wildcard firmware/manifests/*.dts))
FW_MANIFEST_DTBS := $(FW_MANIFESTS:firmware/%.dts=$(FW_OUT)/%.dtb)

# The built-in partitions as EL1 images, one per firmware manifest
# (firmware/manifests/NAME.dts), in load order: NAME:code:entry function,
# where code is the folder in partitions/ the image runs. Each image is
# linked where its manifest says it runs (scripts/bench/sp-link-flags),
# and all of them are packed with their manifests into one partition
# package (scripts/bench/make-package, fw/package.h), which manifests.S
# embeds. The twins run the test partition's code, as in the host
# runtime's demo.
FW_SP_TABLE	:= \
	test-partition:test:ffa_test_partition_main \
	echo:echo:ffa_echo_partition_main \
	twin-a:test:ffa_test_partition_main \
	twin-b:test:ffa_test_partition_main
FW_SP_NAMES	:= $(foreach e,$(FW_SP_TABLE),$(firstword $(subst :, ,$(e))))
# PARTITION_EL1: partitions/ code runs as an EL1 guest here and may set
# its own EL1 system registers (the test partition's vectors).
FW_SP_CFLAGS	:= -Ipartitions/include -Ilib/include -Iinclude \
		   -DPARTITION_EL1=1
# What every partition image links besides its own code and sp-main.o.
FW_SP_COMMON	:= $(FW_OUT)/obj/sp/sp-head.o $(FW_OUT)/obj/sp/sp-conduit.o \
		   $(FW_OUT)/obj/sp/partitions/common/common.o \
		   $(filter $(FW_OUT)/obj/core/lib/%,$(FW_CORE_OBJS)) \
		   $(FW_OUT)/obj/lib/mem.o $(FW_OUT)/obj/lib/str.o
fw_sp_code_objs	= $(patsubst %,$(FW_OUT)/obj/sp/%.o, \
		   $(basename $(wildcard partitions/$(1)/*.c \
					 partitions/$(1)/*.S)))
FW_SP_BINS	:= $(FW_SP_NAMES:%=$(FW_OUT)/%.bin)
FW_SP_LINK_FLAGS := scripts/bench/sp-link-flags
FW_SP_LAYOUT	:= scripts/bench/manifest-layout
FW_MAKE_PACKAGE	:= scripts/bench/make-package
FW_PACKAGE	:= $(FW_OUT)/builtin-package.dtb

# The firmware proper: every .c and .S in firmware/ and firmware/lib/.
FW_SRCS		:= $(sort $(wildcard firmware/*.c firmware/lib/*.c))
FW_ASMS		:= $(sort $(wildcard firmware/*.S))
FW_OBJS		:= $(FW_SRCS:firmware/%.c=$(FW_OUT)/obj/%.o) \
		   $(FW_ASMS:firmware/%.S=$(FW_OUT)/obj/%.o) $(FW_LIBFDT_OBJS) \
		   $(FW_CORE_OBJS)
FW_LDS		:= firmware/ffa-el2.ld

FW_ELF		:= $(FW_OUT)/ffa-el2.elf
FW_BIN		:= $(FW_OUT)/ffa-el2.bin
# The same firmware plus tests/selftest.c, which faults on request.
FW_TEST_ELF	:= $(FW_OUT)/ffa-el2-test.elf
FW_TEST_BIN	:= $(FW_OUT)/ffa-el2-test.bin
FW_TEST_OBJS	:= $(FW_OBJS) $(FW_OUT)/obj/tests/selftest.o \
		   $(FW_OUT)/obj/tests/selftest-s2.o

# The EL1 test payload, loaded at 0x40400000.
# What every EL1 test payload links: its entry, vectors, console and
# checks (el1-common.c), the HVC conduit and lib/.
FW_EL1_COMMON	:= $(FW_OUT)/obj/tests/el1-hello-head.o \
		   $(FW_OUT)/obj/tests/el1-vectors.o \
		   $(FW_OUT)/obj/tests/el1-common.o \
		   $(FW_OUT)/obj/sp/sp-conduit.o \
		   $(FW_OUT)/obj/sp/partitions/test/client.o \
		   $(filter $(FW_OUT)/obj/core/lib/%,$(FW_CORE_OBJS)) \
		   $(FW_OUT)/obj/lib/mem.o $(FW_OUT)/obj/lib/str.o
FW_HELLO_OBJS	:= $(FW_OUT)/obj/tests/el1-hello.o \
		   $(FW_OUT)/obj/tests/el1-mem.o \
		   $(FW_OUT)/obj/tests/el1-parts.o \
		   $(FW_OUT)/obj/tests/el1-sri.o \
		   $(FW_OUT)/obj/tests/el1-fp.o \
		   $(FW_OUT)/obj/tests/el1-irq.o \
		   $(FW_OUT)/obj/sp/partitions/test/cmd_fp.o \
		   $(FW_EL1_COMMON)
FW_HELLO_ELF	:= $(FW_OUT)/el1-hello.elf
# They speak the test partition's protocol (test_proto.h) through lib/.
$(FW_OUT)/obj/tests/el1-%.o: FW_CFLAGS += -Ipartitions/include
FW_HELLO_BIN	:= $(FW_OUT)/el1-hello.bin
FW_HELLO_LDS	:= firmware/tests/el1-hello.ld

# el1-bench, the EL1 payload that counts the instructions of the hot
# calls under QEMU's -icount (run-qemu's el1-bench case).
FW_BENCH_OBJS	:= $(FW_OUT)/obj/tests/el1-bench.o $(FW_EL1_COMMON)
FW_BENCH_ELF	:= $(FW_OUT)/el1-bench.elf
FW_BENCH_BIN	:= $(FW_OUT)/el1-bench.bin

# el1-fault, the EL1 payload of partitions' stage-2 faults, and the
# package run-qemu loads beside it: one more partition running the test
# partition's code, whose manifest asks for abort-on-fault.
FW_FAULT_OBJS	:= $(FW_OUT)/obj/tests/el1-fault.o $(FW_EL1_COMMON)
FW_FAULT_ELF	:= $(FW_OUT)/el1-fault.elf
FW_FAULT_BIN	:= $(FW_OUT)/el1-fault.bin
FW_FAULT_SP	:= $(FW_OUT)/tests/fault-abort
FW_FAULT_PKG	:= $(FW_OUT)/fault-package.dtb

# A variant whose manager speaks an older FF-A version (spm_set_version):
# the same objects but manager.c, built with -DFW_FFA_VERSION, as
# ffa-el2-<name>.bin. The v1.0 one is always built (run-qemu's
# linux-ffa-v1_0 case, tests/e2e/run --v1_0); FW_FFA_VERSION=0x10001
# builds ffa-el2-v1_1.bin instead.
FW_FFA_VERSION	?= 0x10000
FW_VERSION_NAMES := 0x10000:v1_0 0x10001:v1_1
FW_VER_NAME	:= $(patsubst $(FW_FFA_VERSION):%,%, \
		   $(filter $(FW_FFA_VERSION):%,$(FW_VERSION_NAMES)))
ifeq ($(FW_VER_NAME),)
$(error FW_FFA_VERSION=$(FW_FFA_VERSION): not one of $(FW_VERSION_NAMES))
endif
FW_VER_MANAGER	:= $(FW_OUT)/obj/manager-$(FW_VER_NAME).o
FW_VER_OBJS	:= $(filter-out $(FW_OUT)/obj/manager.o,$(FW_OBJS)) \
		   $(FW_VER_MANAGER)
FW_VER_ELF	:= $(FW_OUT)/ffa-el2-$(FW_VER_NAME).elf
FW_VER_BIN	:= $(FW_OUT)/ffa-el2-$(FW_VER_NAME).bin

FW_ALL		:= $(FW_BIN) $(FW_TEST_BIN) $(FW_HELLO_BIN) $(FW_VER_BIN) \
		   $(FW_FAULT_BIN) $(FW_FAULT_PKG) $(FW_BENCH_BIN)

.PHONY: firmware fw-test
firmware: $(FW_ALL)
	@:

fw-test: $(FW_ALL)
	$(Q)firmware/tests/run-qemu $(FW_OUT)

$(FW_LIBFDT_STAMP): $(LINUX_SRC_TAR)
	@mkdir -p $(FW_LIBFDT_DIR)
	$(call msg,TAR,$(FW_LIBFDT_DIR))
	$(Q)tar -xJf $< -C $(FW_LIBFDT_DIR) --strip-components=4 \
		--wildcards --exclude='*/libfdt_env.h' \
		'*/scripts/dtc/libfdt/*.c' '*/scripts/dtc/libfdt/*.h'
	@touch $@

$(LINUX_SRC_TAR):
	@echo "firmware: $@ is missing:" \
	      "apt-get install linux-source-6.12" >&2
	@false

$(FW_OUT)/obj/libfdt/%.o: $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_CFLAGS) -c $(FW_LIBFDT_DIR)/$*.c -o $@

# lib/ and spm/ get only the include paths their layer may use
# (docs/ARCHITECTURE.md), as in the host build, not the firmware's own.
FW_LIB_INCLUDES	:= -Iinclude -Ilib/include
FW_SPM_INCLUDES	:= $(FW_LIB_INCLUDES) -Ispm/include -Ienv/freestanding \
		   -I$(FW_LIBFDT_DIR)

$(FW_OUT)/obj/core/lib/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_BASE_CFLAGS) $(FW_WARN) $(FW_LIB_INCLUDES) -c $< -o $@

$(FW_OUT)/obj/core/spm/%.o: spm/%.c | $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_BASE_CFLAGS) $(FW_WARN) $(FW_SPM_INCLUDES) -c $< -o $@

$(FW_OUT)/manifests/%.dtb: firmware/manifests/%.dts
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)$(FW_DTC) -I dts -O dtb -o $@ $<

# The blobs are .incbin'd from $(FW_OUT): the assembler finds them by -I.
$(FW_OUT)/obj/manifests.o: $(FW_MANIFEST_DTBS) $(FW_PACKAGE)
$(FW_OUT)/obj/manifests.o: FW_ASFLAGS += -Wa,-I$(FW_OUT)/manifests \
	-Wa,-I$(FW_OUT)

# partitions/ sees lib/ and its own headers only, as in the host build.
$(FW_OUT)/obj/sp/partitions/%.o: partitions/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_BASE_CFLAGS) $(FW_WARN) $(FW_SP_CFLAGS) -c $< -o $@

# Only an EL1 guest has assembly of its own (the host runtime builds *.c).
$(FW_OUT)/obj/sp/partitions/%.o: partitions/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(FW_CC) $(FW_ASFLAGS) -c $< -o $@

$(FW_OUT)/obj/sp/%.o: firmware/sp/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_CFLAGS) $(FW_SP_CFLAGS) -c $< -o $@

$(FW_OUT)/obj/sp/%.o: firmware/sp/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(FW_CC) $(FW_ASFLAGS) -c $< -o $@

# fw_sp_image NAME MAIN MANIFEST OBJS: sp-main.c built with the
# partition's entry function, the image linked where its manifest (a
# DTB) says it runs, then made raw.
define fw_sp_image
$(dir $(1))obj-$(notdir $(1))/sp-main.o: firmware/sp/sp-main.c
	@mkdir -p $$(dir $$@)
	$$(call msg,CC,$$@)
	$$(Q)$$(FW_CC) $$(FW_CFLAGS) $$(FW_SP_CFLAGS) -DSP_MAIN=$(strip $(2)) -c $$< -o $$@

$(1).elf: $(dir $(1))obj-$(notdir $(1))/sp-main.o $(4) $(3) \
		$$(FW_SP_COMMON) firmware/sp/sp.ld \
		$$(FW_SP_LINK_FLAGS) $$(FW_SP_LAYOUT)
	$$(call msg,LD,$$@)
	$$(Q)$$(FW_CC) $$(FW_LDFLAGS) -Wl,-T,firmware/sp/sp.ld \
		`$$(FW_SP_LINK_FLAGS) $(3)` -o $$@ \
		$$(filter %.o,$$^)
endef
# A FW_SP_TABLE entry's fields, as fw_sp_image wants them.
fw_sp_field	= $(word $(2),$(subst :, ,$(1)))
fw_sp_out	= $(FW_OUT)/$(call fw_sp_field,$(1),1)
fw_sp_main	= $(call fw_sp_field,$(1),3)
fw_sp_dtb	= $(FW_OUT)/manifests/$(call fw_sp_field,$(1),1).dtb
fw_sp_objs	= $(call fw_sp_code_objs,$(call fw_sp_field,$(1),2))
$(foreach e,$(FW_SP_TABLE),$(eval $(call fw_sp_image,$(call fw_sp_out,$(e)),\
$(call fw_sp_main,$(e)),$(call fw_sp_dtb,$(e)),$(call fw_sp_objs,$(e)))))

$(FW_PACKAGE): $(FW_MANIFEST_DTBS) $(FW_SP_BINS) $(FW_MAKE_PACKAGE)
	$(call msg,PACK,$@)
	$(Q)$(FW_MAKE_PACKAGE) -o $@ $(foreach n,$(FW_SP_NAMES), \
		$(FW_OUT)/manifests/$(n).dtb:$(FW_OUT)/$(n).bin)

$(FW_FAULT_SP).dtb: firmware/tests/manifests/fault-abort.dts
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)$(FW_DTC) -I dts -O dtb -o $@ $<
$(eval $(call fw_sp_image,$(FW_FAULT_SP),ffa_test_partition_main,\
	$(FW_FAULT_SP).dtb,$(call fw_sp_code_objs,test)))
$(FW_FAULT_PKG): $(FW_FAULT_SP).dtb $(FW_FAULT_SP).bin $(FW_MAKE_PACKAGE)
	$(call msg,PACK,$@)
	$(Q)$(FW_MAKE_PACKAGE) -o $@ $(FW_FAULT_SP).dtb:$(FW_FAULT_SP).bin

# A partition of the user's own (scripts/bench/README.md):
#
#	make sp SP_MANIFEST=my.dts SP_SRCS="my.c ..." SP_MAIN=my_main
#
# builds $(FW_OUT)/user/NAME.bin and NAME.dtb (NAME: the manifest's file
# name) for scripts/bench/run --sp NAME.dtb:NAME.bin. The sources are
# built like partitions/ (freestanding, lib/ and partitions/include).
ifneq ($(SP_MANIFEST),)
FW_USER_SP	:= $(FW_OUT)/user/$(basename $(notdir $(SP_MANIFEST)))
FW_USER_OBJDIR	:= $(dir $(FW_USER_SP))obj-$(notdir $(FW_USER_SP))
FW_USER_OBJS	:= $(patsubst %.c,$(FW_USER_OBJDIR)/%.o,$(SP_SRCS))
$(FW_USER_OBJDIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_CFLAGS) $(FW_SP_CFLAGS) $(SP_CFLAGS) -c $< -o $@
$(FW_USER_SP).dtb: $(SP_MANIFEST)
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)$(FW_DTC) -I dts -O dtb -o $@ $<
$(eval $(call fw_sp_image,$(FW_USER_SP),$(SP_MAIN),$(FW_USER_SP).dtb,\
	$(FW_USER_OBJS)))
endif

.PHONY: sp
sp: $(if $(FW_USER_SP),$(FW_USER_SP).bin $(FW_USER_SP).dtb)
	@test -n "$(SP_MANIFEST)" && test -n "$(SP_SRCS)" && \
	 test -n "$(SP_MAIN)" || { echo "usage: make sp SP_MANIFEST=my.dts" \
	 "SP_SRCS=\"my.c ...\" SP_MAIN=my_entry_function" >&2; false; }
	@echo "sp: $(FW_USER_SP).dtb:$(FW_USER_SP).bin"

$(FW_OUT)/obj/%.o: firmware/%.c | $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_CFLAGS) -c $< -o $@

$(FW_OUT)/obj/%.o: firmware/%.S | $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(FW_CC) $(FW_ASFLAGS) -c $< -o $@

$(FW_ELF): $(FW_OBJS) $(FW_LDS)
	$(call msg,LD,$@)
	$(Q)$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_LDS) -o $@ $(FW_OBJS)

$(FW_VER_MANAGER): firmware/manager.c | $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(FW_CC) $(FW_CFLAGS) -DFW_FFA_VERSION=$(FW_FFA_VERSION) -c $< -o $@

$(FW_VER_ELF): $(FW_VER_OBJS) $(FW_LDS)
	$(call msg,LD,$@)
	$(Q)$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_LDS) -o $@ $(FW_VER_OBJS)

$(FW_TEST_ELF): $(FW_TEST_OBJS) $(FW_LDS)
	$(call msg,LD,$@)
	$(Q)$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_LDS) -o $@ $(FW_TEST_OBJS)

$(FW_HELLO_ELF): $(FW_HELLO_OBJS) $(FW_HELLO_LDS)
	$(call msg,LD,$@)
	$(Q)$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_HELLO_LDS) -o $@ $(FW_HELLO_OBJS)

$(FW_BENCH_ELF): $(FW_BENCH_OBJS) $(FW_HELLO_LDS)
	$(call msg,LD,$@)
	$(Q)$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_HELLO_LDS) -o $@ $(FW_BENCH_OBJS)

$(FW_FAULT_ELF): $(FW_FAULT_OBJS) $(FW_HELLO_LDS)
	$(call msg,LD,$@)
	$(Q)$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_HELLO_LDS) -o $@ $(FW_FAULT_OBJS)

$(FW_OUT)/%.bin: $(FW_OUT)/%.elf
	$(call msg,OBJCOPY,$@)
	$(Q)$(FW_OBJCOPY) -O binary $< $@

# Alone, `make -f firmware/firmware.mk` builds the firmware; included,
# the including Makefile keeps (or goes on to choose) its own default.
ifeq ($(firstword $(MAKEFILE_LIST)),firmware/firmware.mk)
.DEFAULT_GOAL	:= firmware
-include $(shell find $(FW_OUT) -name '*.d' 2>/dev/null)
else
.DEFAULT_GOAL	:= $(FW_SAVED_GOAL)
endif

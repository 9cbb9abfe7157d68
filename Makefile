# ffa top-level Makefile.
#
#   make            build the host parts (lib, tests, examples)
#   make check      install what is missing, build, run every test
#   make fuzz       run the fuzzers for FUZZ_SECONDS each (default 300)
#   make demo       the main demo (arrives with the partition manager)
#   make clean

BUILD		?= build
CC		?= cc
CLANG		?= clang
CROSS_COMPILE	?= aarch64-linux-gnu-
FUZZ_SECONDS	?= 300
FUZZ_SMOKE_SECONDS ?= 30

WARN		:= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
		   -Wmissing-prototypes -Wpointer-arith -Wvla -Wdeclaration-after-statement
INCLUDES	:= -Iinclude -Ilib/include
HOST_CFLAGS	:= -std=gnu11 -O2 -g $(WARN) $(INCLUDES) -MMD -MP

LIB_SRCS	:= $(sort $(shell find lib -name '*.c'))
LIB_OBJS	:= $(LIB_SRCS:%.c=$(BUILD)/host/%.o)
LIBFFA		:= $(BUILD)/host/libffa.a

TEST_SUPPORT_SRCS := $(sort $(wildcard tests/unit/support/*.c))
TEST_SUPPORT_OBJS := $(TEST_SUPPORT_SRCS:%.c=$(BUILD)/host/%.o)
UNIT_SRCS	:= $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS	:= $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)
TEST_CFLAGS	:= $(HOST_CFLAGS) -Wno-missing-prototypes -Itests/unit/support
CMOCKA_LIBS	:= $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

FUZZ_SRCS	:= $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS	:= $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_CFLAGS	:= -std=gnu11 -O1 -g $(WARN) -Wno-missing-prototypes $(INCLUDES) \
		   -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

.PHONY: all check deps unit fuzz fuzz-smoke freestanding kernel-world \
	demo clean

all: $(LIBFFA) $(UNIT_BINS)

deps:
	@scripts/install-deps

check: deps
	@$(MAKE) --no-print-directory all
	@scripts/check-freestanding
	@scripts/check-kernel-world
	@$(MAKE) --no-print-directory unit
	@$(MAKE) --no-print-directory fuzz-smoke

unit: $(UNIT_BINS)
	@scripts/run-unit $(UNIT_BINS)

fuzz-smoke: $(FUZZ_BINS)
	@scripts/run-fuzz $(FUZZ_SMOKE_SECONDS) $(FUZZ_BINS)

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZ_BINS)
	@scripts/run-fuzz $(FUZZ_SECONDS) $(FUZZ_BINS)

freestanding:
	@scripts/check-freestanding

kernel-world:
	@scripts/check-kernel-world

demo:
	@echo "make demo: the runnable demo arrives with the partition manager"
	@echo "(host runtime) and then the QEMU bench; see README.md."
	@echo "Today the foundation is testable with: make check"

$(BUILD)/host/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(HOST_CFLAGS) -c $< -o $@

$(LIBFFA): $(LIB_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/host/tests/%.o: tests/%.c
	@mkdir -p $(dir $@)
	$(CC) $(TEST_CFLAGS) -c $< -o $@

$(BUILD)/tests/%: $(BUILD)/host/tests/unit/%.o $(TEST_SUPPORT_OBJS) $(LIBFFA)
	@mkdir -p $(dir $@)
	$(CC) -o $@ $^ $(CMOCKA_LIBS)

$(BUILD)/fuzz/%: tests/fuzz/%.c $(LIB_SRCS)
	@mkdir -p $(dir $@)
	$(CLANG) $(FUZZ_CFLAGS) -o $@ $< $(LIB_SRCS)

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

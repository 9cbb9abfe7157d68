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
		   -I$(FW_LIBFDT_DIR)
FW_CFLAGS	:= $(FW_BASE_CFLAGS) $(FW_WARN) $(FW_INCLUDES)
FW_ASFLAGS	:= $(FW_BASE_CFLAGS) $(FW_INCLUDES) -D__ASSEMBLY__
FW_LDFLAGS	:= -nostdlib -static -no-pie -Wl,--gc-sections \
		   -Wl,--build-id=none -Wl,--no-warn-rwx-segments

# libfdt, as the kernel vendors it.
FW_LIBFDT_NAMES	:= fdt fdt_ro fdt_rw fdt_wip fdt_sw fdt_addresses \
		   fdt_strerror fdt_empty_tree
FW_LIBFDT_STAMP	:= $(FW_LIBFDT_DIR)/.extracted
FW_LIBFDT_OBJS	:= $(FW_LIBFDT_NAMES:%=$(FW_OUT)/obj/libfdt/%.o)

# The firmware proper: every .c and .S in firmware/ and firmware/lib/.
FW_SRCS		:= $(sort $(wildcard firmware/*.c firmware/lib/*.c))
FW_ASMS		:= $(sort $(wildcard firmware/*.S))
FW_OBJS		:= $(FW_SRCS:firmware/%.c=$(FW_OUT)/obj/%.o) \
		   $(FW_ASMS:firmware/%.S=$(FW_OUT)/obj/%.o) $(FW_LIBFDT_OBJS)
FW_LDS		:= firmware/ffa-el2.ld

FW_ELF		:= $(FW_OUT)/ffa-el2.elf
FW_BIN		:= $(FW_OUT)/ffa-el2.bin
# The same firmware plus tests/selftest.c, which faults on request.
FW_TEST_ELF	:= $(FW_OUT)/ffa-el2-test.elf
FW_TEST_BIN	:= $(FW_OUT)/ffa-el2-test.bin
FW_TEST_OBJS	:= $(FW_OBJS) $(FW_OUT)/obj/tests/selftest.o

# The EL1 test payload, loaded at 0x40400000.
FW_HELLO_SRCS	:= firmware/tests/el1-hello.c firmware/tests/el1-hello-head.S
FW_HELLO_OBJS	:= $(FW_OUT)/obj/tests/el1-hello.o \
		   $(FW_OUT)/obj/tests/el1-hello-head.o
FW_HELLO_ELF	:= $(FW_OUT)/el1-hello.elf
FW_HELLO_BIN	:= $(FW_OUT)/el1-hello.bin
FW_HELLO_LDS	:= firmware/tests/el1-hello.ld

FW_ALL		:= $(FW_BIN) $(FW_TEST_BIN) $(FW_HELLO_BIN)

.PHONY: firmware fw-test
firmware: $(FW_ALL)

fw-test: $(FW_ALL)
	firmware/tests/run-qemu $(FW_OUT)

$(FW_LIBFDT_STAMP): $(LINUX_SRC_TAR)
	@mkdir -p $(FW_LIBFDT_DIR)
	tar -xJf $< -C $(FW_LIBFDT_DIR) --strip-components=4 \
		--wildcards --exclude='*/libfdt_env.h' \
		'*/scripts/dtc/libfdt/*.c' '*/scripts/dtc/libfdt/*.h'
	@touch $@

$(LINUX_SRC_TAR):
	@echo "firmware: $@ is missing:" \
	      "apt-get install linux-source-6.12" >&2
	@false

$(FW_OUT)/obj/libfdt/%.o: $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_CFLAGS) -c $(FW_LIBFDT_DIR)/$*.c -o $@

$(FW_OUT)/obj/%.o: firmware/%.c | $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_CFLAGS) -c $< -o $@

$(FW_OUT)/obj/%.o: firmware/%.S | $(FW_LIBFDT_STAMP)
	@mkdir -p $(dir $@)
	$(FW_CC) $(FW_ASFLAGS) -c $< -o $@

$(FW_ELF): $(FW_OBJS) $(FW_LDS)
	$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_LDS) -o $@ $(FW_OBJS)

$(FW_TEST_ELF): $(FW_TEST_OBJS) $(FW_LDS)
	$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_LDS) -o $@ $(FW_TEST_OBJS)

$(FW_HELLO_ELF): $(FW_HELLO_OBJS) $(FW_HELLO_LDS)
	$(FW_CC) $(FW_LDFLAGS) -Wl,-T,$(FW_HELLO_LDS) -o $@ $(FW_HELLO_OBJS)

$(FW_OUT)/%.bin: $(FW_OUT)/%.elf
	$(FW_OBJCOPY) -O binary $< $@

# Alone, `make -f firmware/firmware.mk` builds the firmware; included,
# the including Makefile keeps (or goes on to choose) its own default.
ifeq ($(firstword $(MAKEFILE_LIST)),firmware/firmware.mk)
.DEFAULT_GOAL	:= firmware
-include $(shell find $(FW_OUT) -name '*.d' 2>/dev/null)
else
.DEFAULT_GOAL	:= $(FW_SAVED_GOAL)
endif

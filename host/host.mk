# host/host.mk: the host runtime (libffa-host.a), the test manifest
# fixtures (tests/manifests/*.dts, compiled with dtc) and the flags of the
# tests that use them. The top-level Makefile includes it after defining
# BUILD, CC, SPM_CFLAGS and TEST_CFLAGS:
#
#	include host/host.mk
#
# and lists $(LIBFFA_HOST) in `all` and in the test link. It defines no
# goal of its own.

HOST_ARCH	:= $(shell $(CC) -dumpmachine | cut -d- -f1)
HOST_RT_SRCS	:= $(sort $(wildcard host/*.c))
HOST_RT_ASM	:= host/ctx_$(HOST_ARCH).S
HOST_RT_OBJS	:= $(HOST_RT_SRCS:%.c=$(BUILD)/host/%.o) \
		   $(HOST_RT_ASM:%.S=$(BUILD)/host/%.o)
HOST_RT_CFLAGS	:= $(SPM_CFLAGS) -Ihost/include
LIBFFA_HOST	:= $(BUILD)/host/libffa-host.a

DTC		?= dtc
TEST_MANIFEST_DTS  := $(sort $(wildcard tests/manifests/*.dts))
TEST_MANIFEST_DIR  := $(BUILD)/test-manifests
TEST_MANIFEST_DTBS := \
	$(TEST_MANIFEST_DTS:tests/manifests/%.dts=$(TEST_MANIFEST_DIR)/%.dtb)

# Tests that embed fixtures (.incbin from MANIFEST_DTB_DIR); the runtime
# tests may also use its internals (host/host_internal.h).
HOST_TEST_SRCS	:= tests/unit/test_manifest.c \
		   $(sort $(wildcard tests/unit/test_host_*.c))
HOST_TEST_OBJS	:= $(HOST_TEST_SRCS:%.c=$(BUILD)/host/%.o)

$(BUILD)/host/host/%.o: host/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(HOST_RT_CFLAGS) -c $< -o $@

$(BUILD)/host/host/%.o: host/%.S
	@mkdir -p $(dir $@)
	$(call msg,AS,$@)
	$(Q)$(CC) -c $< -o $@

$(LIBFFA_HOST): $(HOST_RT_OBJS)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(TEST_MANIFEST_DIR)/%.dtb: tests/manifests/%.dts
	@mkdir -p $(dir $@)
	$(call msg,DTC,$@)
	$(Q)$(DTC) -q -I dts -O dtb -o $@ $<

$(HOST_TEST_OBJS): $(TEST_MANIFEST_DTBS)
$(HOST_TEST_OBJS): TEST_CFLAGS += -Ihost \
	-DMANIFEST_DTB_DIR='"$(TEST_MANIFEST_DIR)"'

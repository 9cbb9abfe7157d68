# tools/ffadev/ffadev.mk: libffadev (tools/ffadev) and ffactl
# (tools/ffactl), the userspace side of /dev/ffa (docs/ffactl.md).
# Included by the top-level Makefile after TEST_LIBS.
#
#   make ffadev ffactl      host builds into $(BUILD)/tools/
#   make ffactl-aarch64     static arm64 ffactl, libffadev.a and the
#                           examples ffa_hello, raw_share for the guest, into
#                           $(BUILD)/aarch64-static/
#   make install-ffadev PREFIX=... DESTDIR=...
#                           libffadev.a and .so, ffadev.h,
#                           <linux/ffa_dev.h>, lib/pkgconfig/ffadev.pc
#                           and bin/ffactl

FFADEV_VERSION	:= 0.1.0
FFADEV_SRCS	:= $(sort $(wildcard tools/ffadev/*.c))
FFACTL_SRCS	:= $(sort $(wildcard tools/ffactl/*.c))
# The pure parts of ffactl, which the unit tests link.
FFACTL_PURE	:= tools/ffactl/args.c tools/ffactl/json.c tools/ffactl/desc.c \
		   tools/ffactl/hold_proto.c
# libffadev sees only its header and the UAPI; ffactl lib/ as well
# (desc decode runs lib/'s parser) and the test partition's protocol
# header (its checksum, tp_fnv(), is what share and lend print).
FFADEV_CFLAGS	:= $(BASE_CFLAGS) -Itools/ffadev -Ilinux/include/uapi
FFACTL_CFLAGS	:= $(FFADEV_CFLAGS) $(LIB_INCLUDES) -Ipartitions/include

FFADEV_OBJDIR	:= $(BUILD)/tools/obj
FFADEV_LIB	:= $(BUILD)/tools/ffadev/libffadev.a
# The shared library: ABI 0 while the version is 0.x.
FFADEV_SONAME	:= libffadev.so.0
FFADEV_SO	:= $(BUILD)/tools/ffadev/libffadev.so.$(FFADEV_VERSION)
FFACTL_CORE	:= $(BUILD)/tools/ffactl/libffactl-core.a
FFACTL_BIN	:= $(BUILD)/tools/ffactl/ffactl
FFADEV_HELLO	:= $(BUILD)/tools/ffadev/ffa_hello
FFADEV_RAW	:= $(BUILD)/tools/ffadev/raw_share

.PHONY: ffadev ffactl ffactl-aarch64 install-ffadev

ffadev: $(FFADEV_LIB) $(FFADEV_SO) $(FFADEV_HELLO) $(FFADEV_RAW)
	@:

ffactl: $(FFACTL_BIN)
	@:

$(FFADEV_OBJDIR)/tools/ffadev/%.o: tools/ffadev/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(FFADEV_CFLAGS) -c $< -o $@

$(FFADEV_OBJDIR)/tools/ffactl/%.o: tools/ffactl/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(FFACTL_CFLAGS) -c $< -o $@

$(FFADEV_LIB): $(FFADEV_SRCS:%.c=$(FFADEV_OBJDIR)/%.o)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(BUILD)/tools/pic/%.o: %.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(CC) $(FFADEV_CFLAGS) -fPIC -c $< -o $@

$(FFADEV_SO): $(FFADEV_SRCS:%.c=$(BUILD)/tools/pic/%.o)
	@mkdir -p $(dir $@)
	$(call msg,LD,$@)
	$(Q)$(CC) -shared -Wl,-soname,$(FFADEV_SONAME) -o $@ $^

$(FFACTL_CORE): $(FFACTL_PURE:%.c=$(FFADEV_OBJDIR)/%.o)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)ar rcs $@ $^

$(FFACTL_BIN): $(FFACTL_SRCS:%.c=$(FFADEV_OBJDIR)/%.o) $(FFADEV_LIB) \
	       $(LIBFFA)
	@mkdir -p $(dir $@)
	$(call msg,LD,$@)
	$(Q)$(CC) -o $@ $(filter %.o,$^) $(FFADEV_LIB) $(LIBFFA)

# The example, built the way its users build it (but from the tree).
$(FFADEV_HELLO): tools/ffadev/examples/ffa_hello.c $(FFADEV_LIB)
	@mkdir -p $(dir $@)
	$(call msg,CCLD,$@)
	$(Q)$(CC) $(FFADEV_CFLAGS) -o $@ $< $(FFADEV_LIB)

# The UAPI-only example, which docs/userspace.md quotes whole.
$(FFADEV_RAW): tools/ffadev/examples/raw_share.c
	@mkdir -p $(dir $@)
	$(call msg,CCLD,$@)
	$(Q)$(CC) $(FFADEV_CFLAGS) -o $@ $<

# The unit tests of ffactl's pure parts (tests/unit/test_ffactl_*.c).
FFACTL_TESTS	:= $(filter $(BUILD)/tests/test_ffactl_%,$(UNIT_BINS))
$(FFACTL_TESTS): $(FFACTL_CORE) $(FFADEV_LIB)
$(FFACTL_TESTS): TEST_LIBS := $(FFACTL_CORE) $(FFADEV_LIB) $(TEST_LIBS)
$(BUILD)/host/tests/unit/test_ffactl_%.o: TEST_CFLAGS += -Itools/ffactl \
	-Itools/ffadev -Ilinux/include/uapi

# ---- the guest's static arm64 build ----

A64_STATIC	:= $(BUILD)/aarch64-static
A64_STATIC_CC	:= $(CROSS_COMPILE)gcc

$(A64_STATIC)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(A64_STATIC_CC) $(FFACTL_CFLAGS) -c $< -o $@

# lib/ with lib/'s include paths only, as in the host build.
$(A64_STATIC)/lib-obj/%.o: lib/%.c
	@mkdir -p $(dir $@)
	$(call msg,CC,$@)
	$(Q)$(A64_STATIC_CC) $(BASE_CFLAGS) $(LIB_INCLUDES) -c $< -o $@

$(A64_STATIC)/libffadev.a: $(FFADEV_SRCS:%.c=$(A64_STATIC)/obj/%.o)
	@mkdir -p $(dir $@)
	$(call msg,AR,$@)
	$(Q)rm -f $@
	$(Q)$(CROSS_COMPILE)ar rcs $@ $^

$(A64_STATIC)/ffactl: $(FFACTL_SRCS:%.c=$(A64_STATIC)/obj/%.o) \
		      $(LIB_SRCS:lib/%.c=$(A64_STATIC)/lib-obj/%.o) \
		      $(A64_STATIC)/libffadev.a
	$(call msg,LD,$@)
	$(Q)$(A64_STATIC_CC) -static -o $@ $(filter %.o,$^) \
		$(A64_STATIC)/libffadev.a

$(A64_STATIC)/ffa_hello: tools/ffadev/examples/ffa_hello.c \
			 $(A64_STATIC)/libffadev.a
	$(call msg,CCLD,$@)
	$(Q)$(A64_STATIC_CC) $(FFADEV_CFLAGS) -static -o $@ $< \
		$(A64_STATIC)/libffadev.a

$(A64_STATIC)/raw_share: tools/ffadev/examples/raw_share.c
	$(call msg,CCLD,$@)
	$(Q)$(A64_STATIC_CC) $(FFADEV_CFLAGS) -static -o $@ $<

ffactl-aarch64: $(A64_STATIC)/ffactl $(A64_STATIC)/libffadev.a \
		$(A64_STATIC)/ffa_hello $(A64_STATIC)/raw_share
	@:

# ---- install ----

install-ffadev: $(FFADEV_LIB) $(FFADEV_SO) $(FFACTL_BIN)
	$(call msg,INSTALL,$(DESTDIR)$(PREFIX) (ffadev))
	$(Q)install -d $(DESTDIR)$(PREFIX)/include/linux \
		$(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/bin
	$(Q)install -m 644 tools/ffadev/ffadev.h $(DESTDIR)$(PREFIX)/include
	$(Q)install -m 644 linux/include/uapi/linux/ffa_dev.h \
		$(DESTDIR)$(PREFIX)/include/linux
	$(Q)install -m 644 $(FFADEV_LIB) $(DESTDIR)$(PREFIX)/lib
	$(Q)install -m 755 $(FFADEV_SO) $(DESTDIR)$(PREFIX)/lib
	$(Q)ln -sf $(notdir $(FFADEV_SO)) $(DESTDIR)$(PREFIX)/lib/$(FFADEV_SONAME)
	$(Q)ln -sf $(FFADEV_SONAME) $(DESTDIR)$(PREFIX)/lib/libffadev.so
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(FFADEV_VERSION)|' \
		tools/ffadev/ffadev.pc.in \
		>$(DESTDIR)$(PREFIX)/lib/pkgconfig/ffadev.pc
	$(Q)install -m 755 $(FFACTL_BIN) $(DESTDIR)$(PREFIX)/bin

# scripts/quiet.mk: the build talks the way Kbuild does. By default each
# step prints one short line ("  CC      build/host/lib/bytes.o"); V=1
# prints the full commands instead; make -s prints neither. Errors and
# warnings always show in full: only the echo of the command is hidden.
# The top Makefile and firmware/firmware.mk include it:
#
#	$(BUILD)/x.o: x.c
#		$(call msg,CC,$@)
#		$(Q)$(CC) -c $< -o $@
#
# V is exported, so the scripts a recipe runs (the module builds through
# Kbuild) choose the same: they pass V=1 to Kbuild, or let it be quiet.

ifndef FFA_QUIET_MK
FFA_QUIET_MK	:= 1

V		?= 0
export V

ifeq ($(V),1)
Q		:=
msg		=
else
Q		:= @
# Kbuild's test for -s: the short lines go too.
ifneq ($(findstring s,$(firstword -$(MAKEFLAGS))),)
msg		=
else
msg		= @printf '  %-7s %s\n' '$(1)' '$(2)'
endif
endif

endif

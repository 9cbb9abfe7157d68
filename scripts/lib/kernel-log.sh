# shellcheck shell=bash
# scripts/lib/kernel-log.sh: what no boot of the bench may show in its
# console, one definition for every runner (tests/e2e, tests/drv,
# tests/dev, the demo, the benches). Sourced by bash scripts:
#
#	. "$root/scripts/lib/kernel-log.sh"
#	if kernel_complaints "$log" >"$tmp"; then ... the lines ...; fi
#
# The reports as the kernel prints them: WARN() and lockdep's
# ("WARNING: possible circular locking dependency detected", "WARNING:
# inconsistent lock state", ...), "BUG: KASAN: ...", "BUG: sleeping
# function called from invalid context", lockdep's "INFO: trying to
# register non-static key.", "kernel BUG at", an oops ("Unable to handle
# kernel ...", "Oops"), RCU stalls, a panic, any stack dump ("Call
# trace:"), and any other line naming lockdep or KASAN, but for the one
# banner line a debug kernel prints with the word in it.
KERNEL_COMPLAINT_RE='(WARNING:|BUG:|BUG at|Oops|Call trace:|possible .*locking|'
KERNEL_COMPLAINT_RE+='lockdep|KASAN|INFO: trying to register|rcu: INFO:|'
KERNEL_COMPLAINT_RE+='Kernel panic|Unable to handle kernel)'
KERNEL_BANNER_RE='RCU lockdep checking is enabled'

# kernel_complaints LOG [MAX]: print LOG's complaint lines (the first MAX,
# default 8); status 0 when there is one, 1 when the kernel was quiet.
kernel_complaints() {
	grep -aE "$KERNEL_COMPLAINT_RE" "$1" | grep -avE "$KERNEL_BANNER_RE" |
		head -n "${2:-8}" | grep .
}

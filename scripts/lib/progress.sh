# shellcheck shell=bash
# scripts/lib/progress.sh: a progress line every few seconds while a long
# step runs with its output in a log (the kernel build, the fuzzers).
# Sourced by bash scripts:
#
#	. "$root/scripts/lib/progress.sh"
#	status() { echo "kernel: $(progress_clock "$1") ..."; }
#	progress_run 15 "$log" status make ... || die ...
#
# progress_run TICK LOG STATUS CMD...: runs CMD in the background, its
# stdout and stderr appended to LOG, and calls STATUS ELAPSED_SECONDS
# every TICK seconds until it ends; the status is CMD's. If the script is
# interrupted or killed, CMD is too (GNU make passes the signal on to
# its jobs). STATUS prints one line a call: plain lines, which read the
# same on a terminal and in a CI log.

# progress_clock SECONDS: m:ss.
progress_clock() {
	printf '%d:%02d' $(($1 / 60)) $(($1 % 60))
}

progress_run() {
	local tick=$1 log=$2 status=$3 pid t0 next rc=0
	shift 3
	t0=$SECONDS
	next=$((t0 + tick))
	"$@" >>"$log" 2>&1 &
	pid=$!
	# shellcheck disable=SC2064
	trap "kill $pid 2>/dev/null; exit 130" INT
	# shellcheck disable=SC2064
	trap "kill $pid 2>/dev/null; exit 143" TERM
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if [ $SECONDS -ge $next ] && kill -0 "$pid" 2>/dev/null; then
			"$status" $((SECONDS - t0))
			next=$((next + tick))
		fi
	done
	wait "$pid" || rc=$?
	trap - INT TERM
	return "$rc"
}

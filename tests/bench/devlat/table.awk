# SPDX-License-Identifier: GPL-2.0
# table.awk: tests/bench/devlat/run's tables, from two boots' lines of
# ffa_drvlat.ko ("ffa-drvlat: ...") and /devlat ("ffa-devlat: ..."), in
# this order: the -icount boot, the normal boot (may be empty); linear=1
# when the user buffer was touched in order (run --linear). Status 3
# when the counter does not follow instructions in the -icount boot.
# field(), per_op() and scale(): ../include/ticks.awk.
FNR == 1 { f = FILENAME == ARGV[1] ? "i" : "w" }
# Keys: "k:NAME" for the module's rows, "u:NAME" for the program's.
{ who = $1 == "ffa-drvlat:" ? "k" : "u" }
# A row measured in several rounds: its best.
$2 == "op" {
	k = who ":" $3
	if (!((f, k) in line) || per_op($0) < per_op(line[f, k]))
		line[f, k] = $0
}
$2 == "limit" { why = $0; sub(/.*limit [^ ]+ /, "", why); limit[f, who] = $3 " (" why ")" }
$2 == "scatter" { scatter[f] = $3 " " $4 }
function has(f, k) { return (f, k) in line }
# Instructions (-icount boot) or ns (normal boot) per operation.
function ins(k) { return has("i", k) ? per_op(line["i", k]) * sc : -1 }
function ns(k) { return has("w", k) ? per_op(line["w", k]) * 1e9 / field(line["w", k], "freq") : -1 }
# Wall-clock time as a multiple of the null trap's (normal boot).
function wx(k) { return ns(k) < 0 || ns("k:null") <= 0 ? -1 : ns(k) / ns("k:null") }
function cell(v, w) { return v < 0 ? sprintf(w "s", "-") : sprintf(w ".1f", v) }
function ratio(v, base) { return v < 0 || base <= 0 ? sprintf("%7s", "-") : sprintf("%7.2f", v / base) }
function row(label, k) {
	printf "%-34s %10s %s %10s %s\n", label, cell(ins(k), "%10"),
		ratio(ins(k), ins("k:null")), cell(ns(k), "%10"), ratio(ns(k), ns("k:null"))
}
# The goal: ioctl <= 1.1 x (in-kernel + null ioctl), in one unit.
function goal(what, unit, fmt, io, kern, nul,   lim) {
	if (io < 0 || kern < 0 || nul < 0)
		return
	lim = 1.1 * (kern + nul)
	printf "devlat: %s, %s: " fmt " <= 1.1 x (" fmt " + " fmt ") = " fmt ": %s (in-kernel + null ioctl %+.1f%%)\n",
		what, unit, io, kern, nul, lim, (io <= lim ? "met" : "NOT met"),
		100 * (io / (kern + nul) - 1)
}
END {
	if (bad)
		exit 3
	sc = scale(line["i", "k:calib"])
	usc = scale(line["i", "u:calib"])
	printf "devlat: calib: %.3f instructions per counter tick in the kernel, %.3f in userspace\n", sc, usc

	printf "\nDirect message to the echo partition (0x8002), our driver, one CPU, one boot each\n"
	printf "%-34s %10s %7s %10s %7s\n", "operation", "instr/op", "x null", "ns/op", "x null"
	row("null (SMCCC_VERSION, kernel)", "k:null")
	row("direct_req64 (raw, kernel)", "k:direct_req64")
	row("sync_send_receive (in-kernel)", "k:sync_send_receive")
	row("sync_send_receive2 (in-kernel)", "k:sync_send_receive2")
	row("null_syscall (getppid)", "u:null_syscall")
	row("null_ioctl (ENOTTY)", "u:null_ioctl")
	row("ioctl DIRECT (64-bit)", "u:ioctl_direct")
	row("ioctl DIRECT2 (REQ2)", "u:ioctl_direct2")

	printf "\ndevlat: /dev/ffa's own share of an ioctl DIRECT (ioctl - null ioctl - in-kernel): %.1f instructions; DIRECT2: %.1f\n",
		ins("u:ioctl_direct") - ins("u:null_ioctl") - ins("k:sync_send_receive"),
		ins("u:ioctl_direct2") - ins("u:null_ioctl") - ins("k:sync_send_receive2")
	goal("goal ioctl DIRECT", "instructions", "%.1f", ins("u:ioctl_direct"), ins("k:sync_send_receive"), ins("u:null_ioctl"))
	goal("goal ioctl DIRECT", "wall x null", "%.2f", wx("u:ioctl_direct"), wx("k:sync_send_receive"), wx("u:null_ioctl"))
	goal("the same for DIRECT2", "instructions", "%.1f", ins("u:ioctl_direct2"), ins("k:sync_send_receive2"), ins("u:null_ioctl"))
	goal("the same for DIRECT2", "wall x null", "%.2f", wx("u:ioctl_direct2"), wx("k:sync_send_receive2"), wx("u:null_ioctl"))

	if (!has("i", "u:mem_1"))
		exit 0
	printf "\nShare -> reclaim of N %s pages to the echo partition (pinning included)\n",
		linear ? "user (touched in order)" : "scattered user"
	if ("i" in scatter)
		printf "devlat: the buffer, physically (pagemap): %s (-icount boot)\n", scatter["i"]
	printf "%8s %14s %10s %10s %12s %12s %10s\n", "", "userspace", "", "", "in-kernel", "wall", "wall"
	printf "%8s %14s %10s %10s %12s %12s %10s\n", "pages", "instr", "/page", "t(2N)/t(N)", "instr/page", "ns/page", "t(2N)/t(N)"
	worst = 0
	wworst = 0
	for (n = 1; has("i", "u:mem_" n); n *= 2) {
		k = "u:mem_" n
		u = ins(k); pu = ins("u:mem_" n / 2)
		r = n > 1 ? u / pu : 0
		if (r > worst)
			worst = r
		kk = ins("k:mem_" n)
		w = ns(k); pw = ns("u:mem_" n / 2)
		wr = n > 1 && w > 0 && pw > 0 ? w / pw : 0
		if (wr > wworst)
			wworst = wr
		printf "%8d %14.0f %10.1f %10s %12s %12s %10s\n", n, u, u / n,
			(n > 1 ? sprintf("%.3f", r) : "-"),
			(kk < 0 ? "-" : sprintf("%.1f", kk / n)),
			(w < 0 ? "-" : sprintf("%.1f", w / n)),
			(wr ? sprintf("%.3f", wr) : "-")
		last = n
	}
	printf "\ndevlat: userspace shares up to %d pages (%d MiB); worst t(2N)/t(N) %.3f in instructions: %s (goal <= 2.1)",
		last, last / 256, worst, (worst <= 2.1 ? "met" : "NOT met")
	if (wworst)
		printf "; wall clock %.3f", wworst
	printf "\n"
	if (("i", "u") in limit)
		printf "devlat: userspace stopped at %s\n", limit["i", "u"]
	if (("i", "k") in limit)
		printf "devlat: in-kernel stopped at %s\n", limit["i", "k"]
}

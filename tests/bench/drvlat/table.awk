# SPDX-License-Identifier: GPL-2.0
# table.awk: tests/bench/drvlat/run's tables, from the module's lines of
# four boots, in this order: icount-upstream, icount-ours, wall-upstream,
# wall-ours (the wall files may be empty). Status 3 when the counter
# does not follow instructions in an icount boot.
# field(), per_op() and scale(): ../include/ticks.awk.
FNR == 1 {
	f = FILENAME == ARGV[1] ? "iu" : FILENAME == ARGV[2] ? "io" : FILENAME == ARGV[3] ? "wu" : "wo"
}
$2 == "op" { line[f, $3] = $0; if (!($3 in seen)) { seen[$3] = 1; order[++nops] = $3 } }
$2 == "skip" { skip[f, $3] = $4 }
$2 == "limit" { limit[f] = $3 " (" $4 ")" }
function ins(f, k) { return ((f, k) in line) ? per_op(line[f, k]) * sc[f] : -1 }
function ns(f, k) { return ((f, k) in line) ? per_op(line[f, k]) * 1e9 / field(line[f, k], "freq") : -1 }
function cell(v, w) { return v < 0 ? sprintf(w "s", "-") : sprintf(w ".1f", v) }
function ratio(v, base) { return v < 0 || base <= 0 ? sprintf("%7s", "-") : sprintf("%7.2f", v / base) }
END {
	if (bad)
		exit 3
	sc["iu"] = scale(line["iu", "calib"])
	sc["io"] = scale(line["io", "calib"])
	printf "drvlat: calib: %.3f / %.3f instructions per counter tick (upstream's / our boot)\n", sc["iu"], sc["io"]

	printf "\nDirect message to the echo partition (0x8002), 64-bit, one CPU\n"
	printf "%-22s %12s %7s %12s %7s %11s %11s\n", "", "upstream", "", "ours", "", "wall x null", "wall x null"
	printf "%-22s %12s %7s %12s %7s %11s %11s\n", "operation", "instr/op", "x null", "instr/op", "x null", "upstream", "ours"
	split("null direct_req64 sync_send_receive sync_send_receive2", rows, " ")
	for (i = 1; i <= 4; i++) {
		k = rows[i]
		printf "%-22s %12s %s %12s %s %11s %11s\n", k,
			cell(ins("iu", k), "%12"), ratio(ins("iu", k), ins("iu", "null")),
			cell(ins("io", k), "%12"), ratio(ins("io", k), ins("io", "null")),
			ratio(ns("wu", k), ns("wu", "null")), ratio(ns("wo", k), ns("wo", "null"))
	}
	up = ins("iu", "sync_send_receive") - ins("iu", "direct_req64")
	ours = ins("io", "sync_send_receive") - ins("io", "direct_req64")
	printf "\ndrvlat: the driver adds to a raw DIRECT_REQ_64: upstream %.1f instructions, ours %.1f", up, ours
	if (ins("io", "sync_send_receive2") > 0)
		printf "; ours with REQ2 %.1f", ins("io", "sync_send_receive2") - ins("io", "direct_req64")
	printf "\ndrvlat: goal (ours adds fewer than upstream): %s\n", (ours < up ? "met" : "NOT met")
	for (k in skip)
		if (index(k, "iu" SUBSEP) == 1)
			printf "drvlat: upstream: %s skipped (%s: it negotiates FF-A 1.1)\n", substr(k, 4), skip[k]

	if (!(("io", "mem_1") in line))
		exit 0
	printf "\nShare -> reclaim through the driver (ops->mem_ops, N scattered pages, %s)\n", (chunk == 1 ? "one constituent each" : "one constituent per " chunk " pages")
	printf "%8s %14s %10s %10s %14s %10s %10s\n", "pages", "ours instr", "/page", "t(2N)/t(N)", "upstream instr", "/page", "t(2N)/t(N)"
	worst = 0
	for (n = 1; ("io", "mem_" n) in line; n *= 2) {
		k = "mem_" n
		o = ins("io", k); u = ins("iu", k)
		po = ins("io", "mem_" n / 2); pu = ins("iu", "mem_" n / 2)
		ro = n > 1 ? o / po : 0
		ru = n > 1 && u > 0 && pu > 0 ? u / pu : 0
		if (ro > worst && n > 1)
			worst = ro
		printf "%8d %14.0f %10.1f %10s %14s %10s %10s\n", n, o, o / n,
			(n > 1 ? sprintf("%.3f", ro) : "-"),
			(u < 0 ? "-" : sprintf("%.0f", u)), (u < 0 ? "-" : sprintf("%.1f", u / n)),
			(ru ? sprintf("%.3f", ru) : "-")
		last = n
	}
	printf "\ndrvlat: ours, largest share %d pages (%d MiB); worst t(2N)/t(N) %.3f: %s (goal <= 2.1)\n",
		last, last / 256, worst, (worst <= 2.1 ? "met" : "NOT met")
	if ("iu" in limit)
		printf "drvlat: upstream stopped at %s\n", limit["iu"]
}

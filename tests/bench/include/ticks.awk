# SPDX-License-Identifier: GPL-2.0
# ticks.awk: what drvlat's and devlat's table.awk share (awk -f this
# -f table.awk): reading the timed lines "... op NAME n=N ticks_n=T
# ticks_0=T0 freq=HZ ...". Set me (the tool's name, for messages) with
# -v me=NAME.
function field(line, key,   n, i, kv) {
	n = split(line, kv, " ")
	for (i = 1; i <= n; i++)
		if (index(kv[i], key "=") == 1)
			return substr(kv[i], length(key) + 2)
	return ""
}
# Ticks of one operation: (ticks for n - ticks for 0) / n.
function per_op(line) {
	return (field(line, "ticks_n") - field(line, "ticks_0")) / field(line, "n")
}
# Instructions per counter tick, from a calib loop (2 an iteration).
function scale(line,   s, nominal) {
	s = 2 * field(line, "n") / (field(line, "ticks_n") - field(line, "ticks_0"))
	nominal = 1e9 / field(line, "freq")
	if (s < nominal * 0.99 || s > nominal * 1.01) {
		print me ": the counter does not follow instructions: is -icount shift=0 on?"
		bad = 1
		exit 3
	}
	return s
}

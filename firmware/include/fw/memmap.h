/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The physical memory map of the QEMU virt bench. Everything is
 * identity-mapped: an address below is both what EL2 uses and what EL1
 * sees (stage-2 is IPA == PA; it only leaves things out).
 *
 *   0x00000000-0x3fffffff  devices (GIC 0x08000000, PL011 0x09000000, ...)
 *   0x40000000-0x401fffff  QEMU's boot stub and nothing else: free RAM
 *                          for Linux once we run, but for
 *     0x401e0000-0x401fffff  the host's RX/TX pair (TX, then RX, 64 KiB
 *                            each: a 4K and a 64K-page kernel can use
 *                            it) when the firmware gives one
 *                            (ffa_el2.rxtx=dt, docs/dt-rxtx.md); no-map
 *                            in the DTB then, still Linux's memory to
 *                            the manager and in Linux's stage-2
 *   0x40200000-0x403fffff  this firmware: image, BSS, stacks, page tables
 *                          (QEMU puts -kernel at RAM base + 2 MiB)
 *   0x40400000-0x43ffffff  the EL1 payload (Linux Image: text, data, BSS
 *                          and its early page tables), placed by
 *                          -device loader,addr=0x40400000,force-raw=on
 *   0x44000000-0x47ffffff  manager and partition memory, reserved in the
 *                          DTB and absent from Linux's stage-2:
 *     0x44000000-0x44ffffff  the manager's own data (struct spm, the
 *                            page array, the range pools) and, in the
 *                            rest, stage-2 table pages (manager.c)
 *     0x45000000-0x46ffffff  partitions' memory: each partition's
 *                            manifest regions (and the link address of
 *                            its image) must lie here. The built-in ones
 *                            take 1 MiB each (firmware.mk's FW_SP_TABLE):
 *       0x45000000-0x450fffff  test partition (0x8001)
 *       0x45100000-0x451fffff  echo (0x8002)
 *       0x45200000-0x452fffff  twin-a (0x8003)
 *       0x45300000-0x453fffff  twin-b (0x8004)
 *       0x45400000-0x46ffffff  free for the user's own partitions
 *     0x47000000-0x47ffffff  a partition package QEMU may load here
 *                            (scripts/bench/run --sp): read at boot,
 *                            never mapped for anyone
 *   0x48000000-            QEMU's -initrd, then the DTB, 2 MiB aligned:
 *                          QEMU puts them at RAM base + min(RAM/2, 128 MiB),
 *                          so the bench needs -m 256M or more
 *   rest of RAM            Linux
 */
#ifndef FW_MEMMAP_H
#define FW_MEMMAP_H

/* Constants shared with assembly (boot.S), which has no UL suffix. */
#ifdef __ASSEMBLY__
#define UL(x)			x
#else
#define UL(x)			x##UL
#endif

#define DEVICE_BASE		UL(0x00000000)
#define DEVICE_END		UL(0x40000000)
#define UART_BASE		UL(0x09000000)

#define RAM_BASE		UL(0x40000000)
#define FW_BASE			UL(0x40200000)
#define FW_SIZE			UL(0x00200000)
#define EL1_BASE		UL(0x40400000)
#define EL1_SIZE		UL(0x03c00000)
#define HOST_RXTX_TX		UL(0x401e0000)
#define HOST_RXTX_RX		UL(0x401f0000)
#define HOST_RXTX_SIZE		UL(0x00010000)	/* each */
#define SPM_MEM_BASE		UL(0x44000000)
#define SPM_MEM_SIZE		UL(0x04000000)
#define SPM_DATA_BASE		SPM_MEM_BASE
#define SPM_DATA_SIZE		UL(0x01000000)
#define PART_MEM_BASE		(SPM_DATA_BASE + SPM_DATA_SIZE)
#define PART_MEM_SIZE		UL(0x02000000)
#define PKG_BASE		(PART_MEM_BASE + PART_MEM_SIZE)
#define PKG_SIZE		UL(0x01000000)

/* The firmware's stacks: one per CPU, indexed by fw_cpu_index(). */
#define FW_MAX_CPUS		8
#define FW_STACK_SHIFT		14	/* 16 KiB */
#define FW_STACK_SIZE		(1 << FW_STACK_SHIFT)

#endif /* FW_MEMMAP_H */

#!/usr/bin/env python3
"""Holds every packet of one netfilter queue for a fixed delay, then lets it through.

  nfq_delay.py QUEUE_NUM DELAY_MS

The stand-in for `tc qdisc ... netem delay` on kernels built without sch_netem (this machine's:
CONFIG_NET_SCH_NETEM is not set, and neither is the prio qdisc). An nftables rule such as
`ip saddr 127.0.77.2 queue num Q bypass` sends the packets to this queue; here they wait
DELAY_MS and get an ACCEPT verdict, in order. Python stdlib only: it speaks nfnetlink itself.

Fail-safe both ways: the rule's `bypass` lets packets pass unqueued when this process is gone,
and the queue is bound with FAIL_OPEN, so a full queue passes packets instead of dropping them.
Verdicts are batched (VERDICT_BATCH accepts every id up to the given one), so a notification
lost to a full socket buffer cannot strand its packet. Runs until SIGTERM/SIGINT; on the way out
every held packet is accepted at once.
"""
import collections
import select
import signal
import socket
import struct
import sys
import time

NETLINK_NETFILTER = 12
NFNL_SUBSYS_QUEUE = 3
NFQNL_MSG_PACKET, NFQNL_MSG_VERDICT, NFQNL_MSG_CONFIG, NFQNL_MSG_VERDICT_BATCH = 0, 1, 2, 3
NFQA_PACKET_HDR = 1
NFQA_VERDICT_HDR = 2
NFQA_CFG_CMD, NFQA_CFG_PARAMS, NFQA_CFG_QUEUE_MAXLEN, NFQA_CFG_MASK, NFQA_CFG_FLAGS = 1, 2, 3, 4, 5
NFQNL_CFG_CMD_BIND = 1
NFQNL_COPY_META = 1
NFQA_CFG_F_FAIL_OPEN = 1
NLM_F_REQUEST, NLM_F_ACK = 1, 4
NLMSG_ERROR = 2
NF_ACCEPT = 1
SO_RCVBUFFORCE = 33


def attr(kind, payload):
    length = 4 + len(payload)
    return struct.pack("=HH", length, kind) + payload + b"\0" * ((4 - length % 4) % 4)


class Queue:
    def __init__(self, num):
        self.num, self.seq = num, 0
        self.sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_NETFILTER)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 8 << 20)
        except OSError:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
        self.sock.bind((0, 0))

    def send(self, msg_type, attrs, ack=False):
        self.seq += 1
        body = struct.pack("=BBH", socket.AF_UNSPEC, 0, socket.htons(self.num)) + b"".join(attrs)
        flags = NLM_F_REQUEST | (NLM_F_ACK if ack else 0)
        header = struct.pack("=IHHII", 16 + len(body), (NFNL_SUBSYS_QUEUE << 8) | msg_type, flags, self.seq, 0)
        self.sock.send(header + body)
        if ack:
            self.expect_ack()

    def expect_ack(self):
        data = self.sock.recv(65536)
        _, kind, _, _, _ = struct.unpack_from("=IHHII", data, 0)
        if kind == NLMSG_ERROR:
            (err,) = struct.unpack_from("=i", data, 16)
            if err != 0:
                raise OSError(-err, f"nfqueue config refused: {-err}")

    def bind(self):
        self.send(NFQNL_MSG_CONFIG, [attr(NFQA_CFG_CMD, struct.pack("=BBH", NFQNL_CFG_CMD_BIND, 0, 0))], ack=True)
        self.send(NFQNL_MSG_CONFIG, [attr(NFQA_CFG_PARAMS, struct.pack(">IB", 0, NFQNL_COPY_META)),
                                     attr(NFQA_CFG_QUEUE_MAXLEN, struct.pack(">I", 65536)),
                                     attr(NFQA_CFG_FLAGS, struct.pack(">I", NFQA_CFG_F_FAIL_OPEN)),
                                     attr(NFQA_CFG_MASK, struct.pack(">I", NFQA_CFG_F_FAIL_OPEN))], ack=True)

    def accept_up_to(self, packet_id):
        self.send(NFQNL_MSG_VERDICT_BATCH, [attr(NFQA_VERDICT_HDR, struct.pack(">II", NF_ACCEPT, packet_id))])

    def packet_ids(self, data):
        """The packet ids in one recv() buffer (several netlink messages may share it)."""
        ids, off = [], 0
        while off + 16 <= len(data):
            length, kind, _, _, _ = struct.unpack_from("=IHHII", data, off)
            if length < 16:
                break
            if kind == (NFNL_SUBSYS_QUEUE << 8) | NFQNL_MSG_PACKET:
                a = off + 20
                while a + 4 <= off + length:
                    alen, akind = struct.unpack_from("=HH", data, a)
                    if alen < 4:
                        break
                    if akind & 0x7FFF == NFQA_PACKET_HDR:
                        ids.append(struct.unpack_from(">I", data, a + 4)[0])
                    a += (alen + 3) & ~3
            off += (length + 3) & ~3
        return ids


def main():
    num, delay = int(sys.argv[1]), int(sys.argv[2]) / 1000.0
    q = Queue(num)
    q.bind()
    held = collections.deque()  # (due time, packet id), in arrival order: ids only grow
    running = [True]

    def stop(*_):
        running[0] = False

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"nfq_delay: queue {num}, {delay * 1000:.0f} ms", flush=True)
    passed = 0
    while running[0]:
        wait = max(0.0, min(0.05, held[0][0] - time.monotonic())) if held else 0.05
        try:
            ready, _, _ = select.select([q.sock], [], [], wait)
        except InterruptedError:
            continue
        now = time.monotonic()
        if ready:
            try:
                data = q.sock.recv(1 << 20)
            except OSError as e:  # ENOBUFS: notifications lost; the batch verdict still frees them
                print(f"nfq_delay: recv: {e}", flush=True)
                data = b""
            for pid in q.packet_ids(data):
                held.append((now + delay, pid))
        last = None
        while held and held[0][0] <= now:
            last = held.popleft()[1]
            passed += 1
        if last is not None:
            q.accept_up_to(last)
    if held:
        q.accept_up_to(held[-1][1])
    print(f"nfq_delay: stopped after delaying {passed} packets", flush=True)


if __name__ == "__main__":
    main()

package dev.postbox.adapter.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/** A set of CIDR blocks: the proxies whose forwarding headers are believed, the clients allowed to read metrics. */
final class AddressBlocks {
    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;

    private AddressBlocks(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    static AddressBlocks parse(List<String> cidrs) {
        List<Block> blocks = new ArrayList<>();
        for (String cidr : cidrs) {
            blocks.add(block(cidr));
        }
        return new AddressBlocks(blocks);
    }

    private static Block block(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        byte[] network = literal(host);
        if (network == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
        }
        int bits = network.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("'" + cidr + "' has a prefix outside 0.." + bits);
            }
        }
        return new Block(network, prefix);
    }

    /** Parses an IP literal without ever asking DNS; null when it is not one. */
    static byte[] literal(String host) {
        if (host == null || host.isEmpty()) {
            return null;
        }
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean v4 = h.chars().allMatch(c -> Character.isDigit(c) || c == '.') && h.chars().filter(c -> c == '.').count() == 3;
        boolean v6 = h.indexOf(':') >= 0 && h.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String part : h.split("\\.", -1)) {
                if (part.isEmpty() || part.length() > 3 || new BigInteger(part).intValue() > 255) {
                    return null;
                }
            }
        }
        try {
            int zone = h.indexOf('%');
            return InetAddress.getByName(zone < 0 ? h : h.substring(0, zone)).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * True when the address is in one of the blocks. An address that is no IP ("unix", or none) is
     * a unix-domain socket's peer: only local processes (nginx) can reach it, so it is inside.
     */
    boolean contains(String peer) {
        if (peer == null || peer.isEmpty() || peer.equals("unix") || peer.startsWith("unix:") || peer.startsWith("/")) {
            return true;
        }
        byte[] address = literal(peer);
        if (address == null) {
            return false;
        }
        if (address.length == 16 && isV4Mapped(address)) {
            byte[] v4 = new byte[4];
            System.arraycopy(address, 12, v4, 0, 4);
            address = v4;
        }
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isV4Mapped(byte[] a) {
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
    }
}

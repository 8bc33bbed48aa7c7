package io.taskforge.engine.builtin;

import java.net.InetAddress;

/** A range of IP addresses in CIDR notation, such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address is a range of one. */
record AddressRange(byte[] network, int prefixBits) {

    static AddressRange parse(String text) {
        String[] parts = text.strip().split("/", 2);
        InetAddress address;
        try {
            address = InetAddress.ofLiteral(parts[0]);
        } catch (IllegalArgumentException notAnAddress) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR range", notAnAddress);
        }
        int bits = address.getAddress().length * 8;
        int prefix = parts.length == 1 ? bits : Integer.parseInt(parts[1]);
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix outside 0 to " + bits);
        }
        return new AddressRange(address.getAddress(), prefix);
    }

    /** Whether {@code text} reads as an address or a range rather than a host name. */
    static boolean looksLikeOne(String text) {
        String address = text.strip().split("/", 2)[0];
        try {
            InetAddress.ofLiteral(address);
            return true;
        } catch (IllegalArgumentException hostName) {
            return false;
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (network[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kalc.Iac.Analyzers.Rules.Kubespray;

/// <summary>An IPv4 or IPv6 network in CIDR notation, enough to compare and overlap pod, service and VPC ranges.</summary>
public readonly record struct Cidr(AddressFamily Family, UInt128 Network, int Prefix)
{
    private int Bits => Family == AddressFamily.InterNetwork ? 32 : 128;

    public static bool TryParse(string? text, out Cidr cidr)
    {
        cidr = default;
        if (text is null) return false;
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(text.AsSpan(0, slash).Trim(), out var ip) ||
            !int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix)) return false;
        var bytes = ip.GetAddressBytes();
        var bits = bytes.Length * 8;
        if (prefix > bits) return false;
        UInt128 value = 0;
        foreach (var b in bytes) value = (value << 8) | b;
        cidr = new Cidr(ip.AddressFamily, value & Mask(prefix, bits), prefix);
        return true;
    }

    public bool Overlaps(Cidr other) =>
        Family == other.Family && (Network & Mask(Math.Min(Prefix, other.Prefix), Bits)) == (other.Network & Mask(Math.Min(Prefix, other.Prefix), Bits));

    public bool Contains(Cidr other) => Family == other.Family && other.Prefix >= Prefix && Overlaps(other);

    private static UInt128 Mask(int prefix, int bits) => prefix == 0 ? 0 : (UInt128.MaxValue << (128 - prefix)) >> (128 - bits);

    public override string ToString()
    {
        var bytes = new byte[Bits / 8];
        var v = Network;
        for (var i = bytes.Length - 1; i >= 0; i--) { bytes[i] = (byte)(v & 0xFF); v >>= 8; }
        return $"{new IPAddress(bytes)}/{Prefix}";
    }
}

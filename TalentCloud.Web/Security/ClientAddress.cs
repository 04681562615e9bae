using System.Net;
using System.Net.Sockets;

namespace TalentCloud.Web.Security;

/// <summary>
/// The client a request comes from, as rate limits and sign-in throttling count it: the remote IP address (the proxy's
/// forwarded one when forwarded headers are configured). IPv6 clients are counted per /64 network, since one
/// subscriber usually holds a whole /64.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}

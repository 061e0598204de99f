using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace LivingLab.Testing;

/// <summary>Free loopback ports for silos, gateways and servers, so hosts under test never collide with each other or a running site.</summary>
public static class FreePorts
{
    /// <summary>A port nothing listens on now (the system picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>Orleans:SiloPort</c> and <c>Orleans:GatewayPort</c> set to free ports.</summary>
    public static Dictionary<string, string?> OrleansSettings() => new()
    {
        ["Orleans:SiloPort"] = Next().ToString(CultureInfo.InvariantCulture),
        ["Orleans:GatewayPort"] = Next().ToString(CultureInfo.InvariantCulture),
    };
}

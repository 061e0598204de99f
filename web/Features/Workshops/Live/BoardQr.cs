using QRCoder;

namespace LivingLab.Web.Features.Workshops.Live;

/// <summary>The room's QR code as SVG, drawn on the server (QRCoder), so the projector page needs no script.</summary>
public static class BoardQr
{
    /// <summary>An SVG QR code for <paramref name="url"/>, scaling to its container.</summary>
    public static string Svg(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var code = new SvgQRCode(data);
        return code.GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}

using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace LivingLab.Web.Tests.Hosting;

/// <summary>MudBlazor's CSS and the site's own files go out fingerprinted, precompressed and cacheable for good.</summary>
public sealed partial class StaticAssetTests
{
    [Theory]
    [InlineData("lib/mudblazor/MudBlazor.min", ".css")]
    [InlineData("css/site", ".css")]
    public async Task A_stylesheet_is_linked_by_a_fingerprinted_address_and_served_precompressed_and_immutable(string name, string extension)
    {
        await using var factory = new LivingLabFactory();
        using var client = factory.CreateClient();
        var home = await client.GetStringAsync("/");
        var href = Regex.Match(home, $"""href="({Regex.Escape(name)}\.([a-z0-9]+){Regex.Escape(extension)})" """.Trim()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(href), $"no fingerprinted link to {name}{extension} in the home page");

        var raw = await client.GetByteArrayAsync($"/{name}{extension}");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + href);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await factory.CreateDefaultClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < raw.Length / 2, $"{compressed.Length} B compressed for {raw.Length} B: not really compressed");
        using var unzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await unzip.CopyToAsync(decompressed);
        Assert.Equal(raw, decompressed.ToArray());
    }
}

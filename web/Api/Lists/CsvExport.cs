using CsvHelper;

namespace LivingLab.Web.Api.Lists;

/// <summary>
/// Writes an export as CSV for spreadsheets: UTF-8 with a byte order mark (without it, Excel in Japan reads the file as
/// Shift_JIS and shows mojibake), RFC 4180 quoting, and text that starts like a formula (<c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, tab, CR) prefixed with <c>'</c> so a spreadsheet shows it instead of running it. Rows stream to the
/// response as they are read.
/// </summary>
internal static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static IResult Stream<T>(string fileName, IReadOnlyList<string> header, IAsyncEnumerable<T> rows, Action<CsvWriter, T> writeRow) =>
        TypedResults.Stream(async body =>
        {
            await using var csv = CsvWriter.Create(body, Options, leaveOpen: true);
            csv.WriteHeader([.. header]);
            await foreach (var row in rows)
            {
                writeRow(csv, row);
                await csv.EndRecordAsync();
            }

            await csv.FlushAsync();
        }, ContentType, fileName);
}

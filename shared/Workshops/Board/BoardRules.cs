using System.Security.Cryptography;
using LivingLab.Common;

namespace LivingLab.Workshops.Board;

/// <summary>The rules for the live board's inputs, as pure functions so the grain and any form apply the same ones.</summary>
public static class BoardRules
{
    public const int MinColumns = 1;
    public const int MaxColumns = 8;
    public const int MaxColumnTitleLength = 40;
    public const int MaxClusterTitleLength = 60;
    public const int MaxNoteLength = 280;
    public const int MaxNicknameLength = 30;
    public const int MaxHideReasonLength = 500;
    public const int MinDots = 1;
    public const int MaxDots = 10;
    public const int MinTimerSeconds = 10;
    public const int MaxTimerSeconds = 7200;

    /// <summary>How many notes one guest may post within <see cref="GuestNoteWindow"/>.</summary>
    public const int GuestNotesPerWindow = 6;

    /// <summary>The window of the guests' rate limit.</summary>
    public static readonly TimeSpan GuestNoteWindow = TimeSpan.FromMinutes(1);

    /// <summary>The room code's length.</summary>
    public const int RoomCodeLength = 6;

    /// <summary>Capitals and digits that cannot be read as one another: no 0/O, 1/I/L.</summary>
    public const string RoomCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>A fresh random room code.</summary>
    public static string NewRoomCode() => new(RandomNumberGenerator.GetItems<char>(RoomCodeAlphabet, RoomCodeLength));

    /// <summary>A typed room code as stored: trimmed, capitals, no spaces or dashes people type between the halves.</summary>
    public static string NormalizeRoomCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>Whether <paramref name="code"/> (normalized) could be a room code at all.</summary>
    public static bool IsWellFormedRoomCode(string code) =>
        code.Length == RoomCodeLength && code.All(c => RoomCodeAlphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>The first session's columns: 1–8 titles of 1–40 characters.</summary>
    public static Rejection? CheckColumns(IReadOnlyList<string>? titles)
    {
        if (titles is null || titles.Count < MinColumns)
        {
            return new Rejection("required", "columns");
        }

        if (titles.Count > MaxColumns)
        {
            return TextRules.Limit("tooMany", "columns", MaxColumns);
        }

        return titles.Select(CheckColumnTitle).FirstOrDefault(r => r is not null) is { } invalid ? invalid with { Field = "columns" } : null;
    }

    /// <summary>A column's title: 1–40 characters on one line.</summary>
    public static Rejection? CheckColumnTitle(string? title) => TextRules.Line(title, "title", MaxColumnTitleLength);

    /// <summary>A cluster's title: 1–60 characters on one line.</summary>
    public static Rejection? CheckClusterTitle(string? title) => TextRules.Line(title, "title", MaxClusterTitleLength);

    /// <summary>A note's text: 1–280 characters; line breaks allowed.</summary>
    public static Rejection? CheckNoteText(string? text) => TextRules.Text(text, "text", MaxNoteLength);

    /// <summary>A guest's nickname: 1–30 characters on one line.</summary>
    public static Rejection? CheckNickname(string? nickname) => TextRules.Line(nickname, "nickname", MaxNicknameLength);

    /// <summary>Why a note is hidden: required, 1–500 characters.</summary>
    public static Rejection? CheckHideReason(string? reason) => TextRules.Text(reason, "reason", MaxHideReasonLength);

    /// <summary>A round: 1–10 dots per person.</summary>
    public static Rejection? Check(RoundInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.DotsPerPerson is < MinDots or > MaxDots ? Range("dotsPerPerson", MinDots, MaxDots) : null;
    }

    /// <summary>A countdown: 10 seconds to 2 hours.</summary>
    public static Rejection? CheckTimer(int seconds) =>
        seconds is < MinTimerSeconds or > MaxTimerSeconds ? Range("seconds", MinTimerSeconds, MaxTimerSeconds) : null;

    private static Rejection Range(string field, int min, int max) => new("outOfRange", field, new Dictionary<string, string>
    {
        ["min"] = min.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["max"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });
}

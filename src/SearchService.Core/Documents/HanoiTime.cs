namespace SearchService.Core.Documents;

/// <summary>The portals publish in Hanoi local time, UTC+7 all year (no daylight saving).</summary>
public static class HanoiTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0)
        => new(year, month, day, hour, minute, 0, Offset);

    /// <summary>The calendar year of an instant in Hanoi.</summary>
    public static int YearOf(DateTimeOffset instant) => instant.ToOffset(Offset).Year;
}

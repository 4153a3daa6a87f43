using System.Globalization;

namespace ModelTree.Workbook.Commands;

/// <summary>
/// The process's peak resident memory since the last <see cref="Reset"/>, read from Linux's high-water mark
/// (<c>VmHWM</c> in <c>/proc/self/status</c>; writing 5 to <c>/proc/self/clear_refs</c> resets it to the current
/// resident size). Elsewhere it falls back to the whole process's peak, which cannot be reset.
/// </summary>
internal static class MemoryHighWater
{
    private const string Status = "/proc/self/status";
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Whether the peak can be reset, so that each cell gets a peak of its own.</summary>
    public static bool Resettable { get; } = File.Exists(Status) && File.Exists(ClearRefs) && TryReset();

    /// <summary>Peak resident bytes since the last reset (or since the process started).</summary>
    public static long PeakBytes()
    {
        if (File.Exists(Status))
        {
            foreach (var line in File.ReadLines(Status))
            {
                // "VmHWM:   123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal)
                    && long.TryParse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(),
                        NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes))
                {
                    return kilobytes * 1024;
                }
            }
        }
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Starts a new peak at the current resident size; does nothing where that is not possible.</summary>
    public static void Reset()
    {
        if (Resettable)
        {
            TryReset();
        }
    }

    private static bool TryReset()
    {
        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

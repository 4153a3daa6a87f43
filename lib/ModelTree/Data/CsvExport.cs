using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace ModelTree;

/// <summary>Writes query results as CSV files into the run's output folder.</summary>
public static class CsvExport
{
    /// <summary>
    /// Saves <paramref name="frame"/> as <paramref name="fileName"/> (UTF-8, comma-separated, header row,
    /// invariant culture, fields with commas or quotes quoted) in <see cref="WorkbookPaths.OutputDir"/>,
    /// or in <paramref name="folder"/> when given. Returns the file's full path.
    /// </summary>
    /// <exception cref="ModelTreeException">The file name is not a plain file name, or the file cannot be written.</exception>
    public static string SaveCsv(this DataFrame frame, string fileName, string? folder = null)
    {
        var path = WorkbookPaths.Output(fileName, folder);
        try
        {
            DataFrame.SaveCsv(frame, path, ',', header: true, new UTF8Encoding(false), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelTreeException($"Could not write {path}: {e.Message}. Check that the output folder is writable (set it with run --out).", e);
        }
        return path;
    }
}

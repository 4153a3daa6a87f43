using System.Text;

namespace ModelTree.Workbook.Runner;

/// <summary>Sends Console.Out and Console.Error to a cell's outputs until disposed.</summary>
internal sealed class ConsoleCapture : IDisposable
{
    private readonly TextWriter originalOut = Console.Out;
    private readonly TextWriter originalError = Console.Error;

    public ConsoleCapture(CellOutputs outputs)
    {
        Console.SetOut(new CellWriter(outputs, "stdout"));
        Console.SetError(new CellWriter(outputs, "stderr"));
    }

    public void Dispose()
    {
        Console.SetOut(originalOut);
        Console.SetError(originalError);
    }

    private sealed class CellWriter(CellOutputs outputs, string name) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => outputs.Write(name, value.ToString());

        public override void Write(string? value) => outputs.Write(name, value ?? "");

        public override void Write(char[] buffer, int index, int count) => outputs.Write(name, new string(buffer, index, count));
    }
}

using System.Reactive.Subjects;
using System.Text;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Connection;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// Serves the workbook kernel over the .NET Interactive stdio protocol, the way the Polyglot extension talks to
/// its kernel: one JSON command or event envelope per line, commands on stdin, events on stdout. The kernel says
/// <c>KernelReady</c> when it can take commands, and the process ends when stdin closes or a <c>Quit</c> arrives.
/// </summary>
internal static class StdioServer
{
    public static async Task<int> RunAsync(string? workingDirectory, bool vscode, CancellationToken cancellationToken)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.InputEncoding = utf8;
        Console.OutputEncoding = utf8;
        if (workingDirectory is not null)
        {
            if (!Directory.Exists(workingDirectory))
            {
                throw new ModelTreeException($"--working-dir '{workingDirectory}' does not exist: give the notebook's folder.");
            }
            Environment.CurrentDirectory = Path.GetFullPath(workingDirectory);
        }

        // The protocol owns the real stdout; a cell's console output is captured by the C# kernel.
        var protocolOut = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        var lines = new Subject<string>();
        var ended = new TaskCompletionSource();

        using var kernel = WorkbookKernel.Create();
        var sender = KernelCommandAndEventSender.FromTextWriter(TextWriter.Synchronized(protocolOut), KernelHost.CreateHostUri("stdio"));
        var receiver = KernelCommandAndEventReceiver.FromObservable(lines);
        using var host = kernel.UseHost(sender, receiver, KernelHost.CreateHostUriForCurrentProcessId());
        kernel.UseQuitCommand(() =>
        {
            ended.TrySetResult();
            return Task.CompletedTask;
        });
        if (vscode)
        {
            await FrontendKernels.ConnectAsync(kernel);
        }
        await host.ConnectAsync();

        var reader = new Thread(() =>
        {
            using var input = new StreamReader(Console.OpenStandardInput(), utf8);
            while (input.ReadLine() is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    lines.OnNext(line);
                }
            }
            ended.TrySetResult(); // stdin closed: the front end has gone
        })
        { IsBackground = true, Name = "stdio reader" };
        reader.Start();

        using var registration = cancellationToken.Register(() => ended.TrySetResult());
        await ended.Task;
        return 0;
    }
}

using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace ModelTree.Workbook.Engine;

/// <summary>
/// The kernels that live in VS Code rather than in this process, reached through the host as proxies, as the
/// Polyglot extension expects of the kernel it starts: <c>vscode</c> (asks the user for input) and
/// <c>javascript</c> (runs in the notebook's web view).
/// </summary>
internal static class FrontendKernels
{
    public static async Task ConnectAsync(CompositeKernel root)
    {
        var vscode = await root.Host!.ConnectProxyKernelOnDefaultConnectorAsync("vscode", new Uri("kernel://vscode"), ["frontend"]);
        vscode.KernelSpecifierDirective.Hidden = true;
        foreach (var command in new[] { nameof(RequestInput), nameof(RequestInputs), nameof(SendEditableCode) })
        {
            vscode.KernelInfo.SupportedKernelCommands.Add(new KernelCommandInfo(command));
        }
        root.SetDefaultTargetKernelNameForCommand(typeof(RequestInput), "vscode");
        root.SetDefaultTargetKernelNameForCommand(typeof(RequestInputs), "vscode");
        root.SetDefaultTargetKernelNameForCommand(typeof(SendEditableCode), "vscode");

        var javascript = await root.Host.ConnectProxyKernelOnDefaultConnectorAsync("javascript", new Uri("kernel://webview/javascript"), ["js"]);
        foreach (var command in new[] { nameof(SubmitCode), nameof(RequestValue), nameof(RequestValueInfos), nameof(SendValue) })
        {
            javascript.KernelInfo.SupportedKernelCommands.Add(new KernelCommandInfo(command));
        }
        javascript.UseValueSharing();
    }
}

using System.CommandLine;
using ModelTree.Workbook.Commands;

var root = new RootCommand(
    "The model-tree workbook: reproduce and extend a study of how the Hugging Face Hub labels a model's " +
    "relation to its base (finetune, adapter, quantized, merge).")
{
    // Each command lives in Commands/<Name>Command.cs and is wired here, one line each.
    RunCommand.Create(),
    SampleCommand.Create(),
    FetchCommand.Create(),
    ClassifyCommand.Create(),
    ExplainCommand.Create(),
    TreeCommand.Create(),
    FamiliesCommand.Create(),
    ProvenanceCommand.Create(),
    LicensesCommand.Create(),
    StatsCommand.Create(),
    PredictTaskCommand.Create(),
    BenchCommand.Create(),
    KernelCommand.Create(),
};

return await CommandLine.InvokeAsync(root, args);

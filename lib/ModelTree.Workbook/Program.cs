using ModelTree.Workbook.Commands;

var terminal = Terminal.Standard();
var root = new RootCommand(
    "The model-tree workbook: reproduce and extend a study of how the Hugging Face Hub labels a model's " +
    "relation to its base (finetune, adapter, quantized, merge).")
{
    // Each command lives in Commands/<Name>Command.cs and is wired here, one line each.
    RunCommand.Create(terminal),
    SampleCommand.Create(terminal),
    FetchCommand.Create(terminal),
    ClassifyCommand.Create(terminal),
    ExplainCommand.Create(terminal),
    TreeCommand.Create(terminal),
    FamiliesCommand.Create(terminal),
    ProvenanceCommand.Create(terminal),
    LicensesCommand.Create(terminal),
    StatsCommand.Create(terminal),
    PredictTaskCommand.Create(terminal),
    BenchCommand.Create(terminal),
    KernelCommand.Create(terminal),
};

return await CommandLine.InvokeAsync(root, args);

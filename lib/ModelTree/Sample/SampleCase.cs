namespace ModelTree.Sample;

/// <summary>The case a generated row plants (see <see cref="SampleCases"/> for each one's meaning and its name in the truth file).</summary>
internal enum SampleCase
{
    Typical,
    FinetuneWithAdapterTag,
    AdapterWithoutAdapterTag,
    QuantizedWithoutQuantTag,
    BaseAndAdapterTogether,
    LoraFilesNotAdapter,
    AdapterFilesLabelledFinetune,
    UnreadQuantFormat,
    CardBaseDiffers,
    AdapterAndQuantEvidence,
    DeclaredRelation,
    WeightsOutsideMain,
    BackfillCardOnly,
    BaseModelsWithoutCard,
    SelfReference,
    Cycle,
    ExternalBase,
    MalformedCard,
    NullTags,
    EmptyTags,
    NullSiblings,
    EmptySiblings,
}

namespace ModelTree.Sample;

internal sealed partial class SampleWorld
{
    // Rows without a base: the named roots, standalone models, and the planted self-references and cycles.

    private SampleModel NamedRootRow(NamedRoot root)
    {
        var index = Register(root.Id, _families.Count, 0, root.CreatedAt);
        _namedFamilies.Add(_families.Count);
        _families.Add(new SampleFamily(root.Id, index, root.Profile));
        var p = root.Profile;
        var author = root.Id[..root.Id.IndexOf('/')];
        var model = RootModel(root.Id, author, SampleCase.Typical, root.CreatedAt, []);
        model.Downloads = root.Downloads;
        model.Likes = root.Likes;
        model.Gated = root.Gated;
        model.LastModified = root.CreatedAt.AddDays(20 + _rng.Next(200));
        model.DownloadsAllTime = root.Downloads * (6 + _rng.Next(20));
        model.TrendingScore = _rng.Between(5, 60);
        var files = _files.FullWeightFiles(p, root.CreatedAt, IdStore.ShortName(root.Id), true);
        _files.AddWeight(files, p, SampleKind.Base, root.CreatedAt, IdStore.ShortName(root.Id));
        var cardTags = new List<string>();
        if (p.IsLlm)
        {
            cardTags.Add(p.Arch);
        }
        _content.Fill(model, p, SampleKind.Base, p.Library, files, cardTags, root.Languages, p.License, baseIds: [], relation: null, declared: null,
            cardBase: CardBase.None, datasets: false);
        return model;
    }

    private SampleModel StandaloneRow()
    {
        var profileIndex = _rng.Weighted(SampleCatalog.StandaloneWeights);
        var p = SampleCatalog.StandaloneProfiles[profileIndex];
        var created = SampleCatalog.Start.AddTicks((long)((SampleCatalog.Snapshot - SampleCatalog.Start).Ticks * Math.Pow(_rng.NextDouble(), 0.6)));
        var author = Author(SampleKind.Base);
        var word = _rng.Pick(SampleCatalog.StandaloneNames[profileIndex]);
        var id = UniqueId(author, _rng.Chance(0.5) ? word : $"{word}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}");
        var index = Register(id, -1, 0, created);
        _standalone.Add(index);
        _standaloneProfileOf[index] = profileIndex;

        var model = RootModel(id, author, SampleCase.Typical, created, []);
        var license = SampleCatalog.Licenses[_rng.Weighted(SampleCatalog.LicenseWeights)];
        var files = _files.FullWeightFiles(p, created, IdStore.ShortName(id), false, standalone: true);
        _files.AddWeight(files, p, SampleKind.Base, created, IdStore.ShortName(id));
        var langs = p.Modality is "llm" or "encoder" or "seq2seq" or "asr" && _rng.Chance(0.5) ? new[] { _rng.Pick(SampleCatalog.Languages) } : [];
        var cardTags = p.Modality == "rl" ? new List<string> { "LunarLander-v2", "deep-reinforcement-learning", "reinforcement-learning" }
            : _rng.Chance(0.3) ? ["generated_from_trainer"] : [];
        _content.Fill(model, p, SampleKind.Base, p.Library, files, cardTags, langs, license, baseIds: [], relation: null, declared: null,
            cardBase: CardBase.None, datasets: _rng.Chance(0.3), noCard: _rng.Chance(0.3));

        // Rare shapes of the lists, only on rows with no base so the relation counts stay exact.
        var r = _rng.NextDouble();
        if (r < 0.004)
        {
            // No tags: a NULL list below 0.002, an empty one above.
            var isNull = r < 0.002;
            model.Tags = isNull ? null : [];
            model.Case = isNull ? SampleCase.NullTags : SampleCase.EmptyTags;
        }
        else if (r < 0.009)
        {
            // No files (siblings): a NULL list below 0.006, an empty one above.
            var isNull = r < 0.006;
            model.Files = isNull ? null : [];
            model.Case = isNull ? SampleCase.NullSiblings : SampleCase.EmptySiblings;
        }
        else if (r < 0.012)
        {
            model.CardData = _content.Malformed(model.CardData ?? "{\"license\": \"" + license + "\"}");
            model.Case = SampleCase.MalformedCard;
        }
        return model;
    }

    private SampleModel SelfReferenceRow()
    {
        var p = SampleCatalog.StandaloneProfiles[4];
        var created = SampleCatalog.Start.AddDays(400 + _rng.Next(1400));
        var author = Author(SampleKind.Base);
        var id = UniqueId(author, $"self-based-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}");
        Register(id, -1, 0, created);
        var model = RootModel(id, author, SampleCase.SelfReference, created, [id]);
        model.Relation = "finetune";
        _content.Fill(model, p, SampleKind.Finetune, p.Library, _files.FullWeightFiles(p, created, IdStore.ShortName(id), false), ["trl", "sft"], ["en"], "apache-2.0",
            baseIds: [id], relation: "finetune", declared: null, cardBase: CardBase.Auto, datasets: false);
        return model;
    }

    /// <summary>A row that roots its own family at depth 0 (a self-reference names itself as its base).</summary>
    private static SampleModel RootModel(string id, string author, SampleCase planted, DateTime created, List<string> bases) => new()
    {
        Id = id,
        Author = author,
        Kind = SampleKind.Base.Label(),
        Case = planted,
        Family = id,
        Depth = 0,
        Bases = bases,
        CreatedAt = created,
    };

    private IEnumerable<SampleModel> CycleRows(int size)
    {
        var p = SampleCatalog.NamedRoots[0].Profile;
        var ids = new List<string>();
        var authors = new List<string>();
        for (var k = 0; k < size; k++)
        {
            var author = Author(SampleKind.Finetune);
            var id = UniqueId(author, $"loop-{(char)('a' + k)}-{_rng.Pick(SampleCatalog.FinetuneSuffixes)}");
            _ids.Reserve(id);
            ids.Add(id);
            authors.Add(author);
        }
        var family = ids.Min(StringComparer.Ordinal)!;
        var created = SampleCatalog.Start.AddDays(900 + _rng.Next(700));
        var rows = new List<SampleModel>();
        for (var k = 0; k < size; k++)
        {
            var baseId = ids[(k + 1) % size];
            var when = created.AddDays(k);
            Register(ids[k], -1, -1, when);
            var model = new SampleModel
            {
                Id = ids[k],
                Author = authors[k],
                Kind = "finetune",
                Case = SampleCase.Cycle,
                Family = family,
                Depth = -1,
                Bases = [baseId],
                CreatedAt = when,
                Relation = "finetune",
            };
            _content.Fill(model, p, SampleKind.Finetune, p.Library, _files.FullWeightFiles(p, when, IdStore.ShortName(ids[k]), false), ["trl"], ["en"], "llama3.1",
                baseIds: [baseId], relation: "finetune", declared: null, cardBase: CardBase.Auto, datasets: false);
            rows.Add(model);
        }
        return rows;
    }
}

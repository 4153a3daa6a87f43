namespace ModelTree.Sample;

/// <summary>The fixed vocabularies the generator draws from: families, authors, words, licences, files.</summary>
internal static class SampleCatalog
{
    public static readonly DateTime Start = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The snapshot date: nothing is created or modified after it.</summary>
    public static readonly DateTime Snapshot = new(2026, 1, 12, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>hub-stats added <c>baseModels</c> on this date; rows created before may lack it.</summary>
    public static readonly DateTime BaseModelsAdded = new(2025, 7, 25, 0, 0, 0, DateTimeKind.Utc);

    private static FamilyProfile Llm(string arch, long parameters, string license, int context) =>
        new("llm", "text-generation", "transformers", arch, parameters, license, "AutoModelForCausalLM", "AutoTokenizer", context);

    private static FamilyProfile Diffusion(string arch, long parameters, string license) =>
        new("diffusion", "text-to-image", "diffusers", arch, parameters, license, null, null, 0);

    private static FamilyProfile MaskedLm(string arch, long parameters, string license) =>
        new("encoder", "fill-mask", "transformers", arch, parameters, license, "AutoModelForMaskedLM", "AutoTokenizer", 512);

    private static DateTime D(int y, int m, int d) => new(y, m, d, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>The eight languages Meta lists for Llama 3.1 and 3.2.</summary>
    private static readonly string[] Llama3Languages = ["en", "de", "fr", "it", "pt", "hi", "es", "th"];

    // Pull: relative attraction for finetune, adapter, quantized, merge derivatives.
    public static readonly NamedRoot[] NamedRoots =
    [
        new("meta-llama/Llama-3.1-8B", D(2024, 7, 14), "manual", 2_400_000, 1_650, Llama3Languages, Llm("llama", 8_030_261_248, "llama3.1", 131072), [10, 9, 9, 9]),
        new("Qwen/Qwen2.5-7B", D(2024, 9, 15), "false", 1_100_000, 210, ["en"], Llm("qwen2", 7_615_616_512, "apache-2.0", 131072), [9, 6, 9, 8]),
        new("mistralai/Mistral-7B-v0.1", D(2023, 9, 20), "auto", 650_000, 3_900, ["en"], Llm("mistral", 7_241_732_096, "apache-2.0", 32768), [6, 6, 5, 7]),
        new("google/gemma-2-9b", D(2024, 6, 24), "manual", 90_000, 650, ["en"], Llm("gemma2", 9_241_705_984, "gemma", 8192), [3, 2, 3, 2]),
        new("meta-llama/Llama-3.2-1B", D(2024, 9, 18), "manual", 1_900_000, 2_100, Llama3Languages, Llm("llama", 1_235_814_400, "llama3.2", 131072), [5, 5, 3, 1]),
        new("Qwen/Qwen2.5-0.5B", D(2024, 9, 15), "false", 800_000, 330, ["en"], Llm("qwen2", 494_032_768, "apache-2.0", 32768), [4, 4, 2, 1]),
        new("microsoft/phi-2", D(2023, 12, 13), "false", 300_000, 3_300, ["en"], Llm("phi", 2_779_683_840, "mit", 2048), [2, 2, 1, 1]),
        new("TinyLlama/TinyLlama-1.1B-Chat-v1.0", D(2023, 12, 30), "false", 1_300_000, 1_300, ["en"], Llm("llama", 1_100_048_384, "apache-2.0", 2048), [2, 3, 1, 1]),
        new("stabilityai/stable-diffusion-xl-base-1.0", D(2023, 7, 25), "false", 2_100_000, 6_500, [], Diffusion("stable-diffusion-xl", 3_500_000_000, "openrail++"), [2, 12, 0.1, 0.3]),
        new("black-forest-labs/FLUX.1-dev", D(2024, 7, 31), "auto", 1_700_000, 11_000, ["en"], Diffusion("flux", 11_901_408_320, "other"), [1.5, 16, 0.5, 0.1]),
        new("openai/whisper-large-v3", D(2023, 11, 7), "false", 4_600_000, 4_700, ["en", "zh", "de", "es", "ru", "ko", "fr", "ja"],
            new("asr", "automatic-speech-recognition", "transformers", "whisper", 1_543_490_560, "apache-2.0", "AutoModelForSpeechSeq2Seq", "AutoProcessor", 448), [4, 1, 0.3, 0]),
        new("google-bert/bert-base-uncased", D(2022, 3, 2), "false", 54_000_000, 2_300, ["en"], MaskedLm("bert", 110_106_428, "apache-2.0"), [8, 0.6, 0.2, 0]),
        new("FacebookAI/roberta-base", D(2022, 3, 2), "false", 11_000_000, 500, ["en"], MaskedLm("roberta", 124_697_433, "mit"), [4, 0.5, 0.1, 0]),
        new("distilbert/distilbert-base-uncased", D(2022, 3, 2), "false", 13_000_000, 700, ["en"], MaskedLm("distilbert", 66_985_530, "apache-2.0"), [5, 0.4, 0.1, 0]),
        new("google/vit-base-patch16-224", D(2022, 3, 2), "false", 3_000_000, 800, [],
            new("vision", "image-classification", "transformers", "vit", 86_567_656, "apache-2.0", "AutoModelForImageClassification", "AutoImageProcessor", 0), [3, 0.3, 0.1, 0]),
        new("facebook/mbart-large-cc25", D(2022, 3, 2), "false", 20_000, 70, ["en", "it", "de", "fr"],
            new("seq2seq", "text2text-generation", "transformers", "mbart", 610_851_840, "mit", "AutoModelForSeq2SeqLM", "AutoTokenizer", 1024), [1, 0.1, 0, 0]),
    ];

    /// <summary>Base ids that derivatives name but the table does not hold (deleted, private, or older snapshots).</summary>
    public static readonly (string Id, FamilyProfile Profile)[] ExternalRoots =
    [
        ("meta-llama/Llama-2-7b-hf", Llm("llama", 6_738_415_616, "llama2", 4096)),
        ("meta-llama/Meta-Llama-3-8B-Instruct", Llm("llama", 8_030_261_248, "llama3", 8192)),
        ("mistralai/Mixtral-8x7B-Instruct-v0.1", Llm("mixtral", 46_702_792_704, "apache-2.0", 32768)),
        ("Qwen/Qwen3-4B-Instruct-2507", Llm("qwen3", 4_022_468_096, "apache-2.0", 262144)),
        ("runwayml/stable-diffusion-v1-5", Diffusion("stable-diffusion", 1_066_000_000, "creativeml-openrail-m")),
        ("Tongyi-MAI/Z-Image-Turbo", Diffusion("z-image", 6_000_000_000, "apache-2.0")),
        ("zai-org/GLM-4.7", Llm("glm4", 358_000_000_000, "mit", 131072)),
        ("deleted-user-4412/private-base-7b", Llm("llama", 6_738_415_616, "other", 4096)),
        ("some-lab/internal-encoder-v2", new("encoder", "feature-extraction", "transformers", "bert", 109_482_240, "apache-2.0", "AutoModel", "AutoTokenizer", 512)),
        ("local-path/checkpoint-final", Llm("llama", 1_235_814_400, "other", 8192)),
    ];

    /// <summary>Profiles of models with no base, drawn with <see cref="StandaloneWeights"/>.</summary>
    public static readonly FamilyProfile[] StandaloneProfiles =
    [
        new("encoder", "text-classification", "transformers", "distilbert", 66_955_010, "apache-2.0", "AutoModelForSequenceClassification", "AutoTokenizer", 512),
        new("encoder", "token-classification", "transformers", "bert", 108_897_034, "apache-2.0", "AutoModelForTokenClassification", "AutoTokenizer", 512),
        new("encoder", "sentence-similarity", "sentence-transformers", "bert", 22_713_216, "apache-2.0", "AutoModel", "AutoTokenizer", 512),
        Llm("gpt2", 124_439_808, "mit", 1024),
        Llm("llama", 1_100_048_384, "apache-2.0", 4096),
        Llm("qwen2", 1_543_714_304, "apache-2.0", 32768),
        new("vision", "image-classification", "transformers", "vit", 85_806_346, "apache-2.0", "AutoModelForImageClassification", "AutoImageProcessor", 0),
        new("rl", "reinforcement-learning", "stable-baselines3", "ppo", 0, "mit", null, null, 0),
        new("rl", "reinforcement-learning", "ml-agents", "ppo", 0, "apache-2.0", null, null, 0),
        new("asr", "automatic-speech-recognition", "transformers", "wav2vec2", 315_438_720, "apache-2.0", "AutoModelForCTC", "AutoProcessor", 0),
        Diffusion("stable-diffusion", 1_066_000_000, "creativeml-openrail-m"),
        new("seq2seq", "translation", "transformers", "marian", 77_943_296, "apache-2.0", "AutoModelForSeq2SeqLM", "AutoTokenizer", 512),
        new("other", null, null, "unknown", 0, "mit", null, null, 0),
        new("other", null, "timm", "resnet", 25_557_032, "apache-2.0", null, null, 0),
    ];

    public static readonly double[] StandaloneWeights = [14, 6, 6, 8, 5, 4, 5, 8, 3, 4, 3, 2, 25, 2];

    public static readonly string[] Licenses =
        ["apache-2.0", "mit", "cc-by-4.0", "cc-by-nc-4.0", "openrail", "llama3.1", "gpl-3.0", "other", "bsd-3-clause", "cc-by-sa-4.0"];

    public static readonly double[] LicenseWeights = [40, 22, 5, 5, 3, 3, 1, 8, 1, 2];

    public static readonly string[] Languages = ["en", "zh", "fr", "de", "es", "ja", "ko", "ru", "it", "pt", "ar", "hi", "vi", "tr", "id"];

    public static readonly string[] Datasets =
    [
        "HuggingFaceH4/ultrachat_200k", "tatsu-lab/alpaca", "Open-Orca/OpenOrca", "teknium/OpenHermes-2.5",
        "imdb", "glue", "squad", "conll2003", "emotion", "mozilla-foundation/common_voice_11_0",
        "yahma/alpaca-cleaned", "mlabonne/orpo-dpo-mix-40k", "ARTELab/mlsum-it", "HuggingFaceFW/fineweb-edu",
    ];

    /// <summary>Quantizing accounts: few, very prolific.</summary>
    public static readonly string[] Quantizers =
        ["quantfactory-x", "gguf-forge", "bitsmith", "mlx-commons", "lowbit-lab", "q-archive", "tensorpress", "imatrix-hub"];

    /// <summary>Merging accounts.</summary>
    public static readonly string[] Mergers = ["merge-garden", "slerp-works", "frankenlab", "dare-ties"];

    public static readonly string[] FirstParts =
    [
        "alex", "maria", "kenji", "li", "omar", "sofia", "ivan", "priya", "lucas", "emma", "chen", "ahmed", "yuki",
        "noah", "lea", "marco", "anna", "ravi", "sara", "tom", "nina", "pablo", "mei", "hugo", "zoe", "arjun", "eva",
        "deep", "neural", "tiny", "open", "smart", "data", "vision", "speech", "code", "bio", "legal", "edu", "robo",
    ];

    public static readonly string[] SecondParts =
    [
        "ml", "ai", "lab", "nlp", "research", "dev", "labs", "tech", "works", "hub", "studio", "io", "x", "42",
        "2024", "hf", "models", "team", "group", "k", "r", "dl", "bot", "data",
    ];

    public static readonly string[] FinetuneSuffixes =
    [
        "Instruct", "chat", "sft", "dpo", "orpo", "medical", "legal", "code", "math", "ko", "ja", "it", "tr", "roleplay",
        "finance", "reasoning", "uncensored", "abliterated", "v2", "v0.3", "emotion", "ner", "squad", "summarization",
        "classifier", "distilled", "grpo", "tool-use", "german", "arabic",
    ];

    public static readonly string[] AdapterSuffixes = ["lora", "qlora", "lora-r16", "lora-r8", "adapter", "peft", "lora-alpaca", "sft-lora"];

    public static readonly string[] StyleWords =
    [
        "watercolor", "pixel-art", "anime", "cinematic", "sketch", "retro", "neon", "ghibli-style", "portrait",
        "isometric", "comic", "oil-painting", "3d-render", "vintage-photo", "tarot",
    ];

    public static readonly string[] MergeSuffixes = ["merge", "slerp", "ties", "dare-ties", "della", "model-stock", "passthrough", "frankenmerge"];

    /// <summary>Name stems for models with no base, parallel to <see cref="StandaloneProfiles"/>.</summary>
    public static readonly string[][] StandaloneNames =
    [
        ["distilbert-base-uncased-finetuned-emotion", "sentiment-model", "bert-imdb", "spam-classifier", "toxic-comment-model"],
        ["bert-finetuned-ner", "ner-model", "pos-tagger", "bert-base-cased-ner"],
        ["embedding-small", "all-MiniLM-L6-custom", "sbert-retrieval", "e5-custom"],
        ["gpt2-poems", "gpt2-shakespeare", "tiny-gpt", "gpt2-recipes"],
        ["tiny-llama-pretrain", "my-llm", "llm-from-scratch", "small-lm"],
        ["qwen-style-lm", "chat-model", "assistant-1.5b", "my-chatbot"],
        ["vit-cats-dogs", "vit-food101", "image-classifier", "beans-classifier"],
        ["ppo-LunarLander-v2", "ppo-CartPole-v1", "dqn-SpaceInvaders", "a2c-PandaReach"],
        ["ppo-Huggy", "ppo-SnowballTarget", "ppo-Pyramids", "poca-SoccerTwos"],
        ["wav2vec2-demo", "wav2vec2-large-xlsr-turkish", "asr-model", "speech-recognizer"],
        ["sd-dreambooth", "my-diffusion-model", "anime-diffusion", "pokemon-diffusion"],
        ["opus-mt-en-xx", "translator-en-fr", "nmt-model", "marian-finetuned-kde4"],
        ["my-model", "test", "checkpoint", "qa-model", "model", "tiny-random", "rl-agent", "t5-base-summarizer"],
        ["resnet-50-food", "convnext-tiny-custom", "timm-classifier", "efficientnet-b0-plants"],
    ];

    public static readonly string[] GgufLevels = ["Q2_K", "Q3_K_M", "Q4_0", "Q4_K_M", "Q4_K_S", "Q5_K_M", "Q5_K_S", "Q6_K", "Q8_0", "IQ4_XS", "f16"];
}

namespace RlGameTester.Doom.Udmf;

/// <summary>One <c>name { key = value; ... }</c> block. Names and keys are lower-cased (UDMF is case-insensitive).</summary>
public sealed class UdmfBlock
{
    internal UdmfBlock(
        string name, int line, Dictionary<string, UdmfValue> fields, List<string>? duplicateKeys, List<string>? nestedBlocks)
    {
        Name = name;
        Line = line;
        Fields = fields;
        DuplicateKeys = duplicateKeys;
        NestedBlocks = nestedBlocks;
    }

    public string Name { get; }

    /// <summary>1-based line of the block's name in the text.</summary>
    public int Line { get; }

    /// <summary>The fields; a key assigned twice holds its last value, as in every port.</summary>
    public IReadOnlyDictionary<string, UdmfValue> Fields { get; }

    /// <summary>Keys assigned more than once, in order (null when none).</summary>
    internal IReadOnlyList<string>? DuplicateKeys { get; }

    /// <summary>Names of <c>name { ... }</c> blocks nested inside this one, skipped whole (null when none).</summary>
    internal IReadOnlyList<string>? NestedBlocks { get; }

    public bool TryGet(string key, out UdmfValue value) => Fields.TryGetValue(key, out value);
}

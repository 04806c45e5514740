namespace RlGameTester.Doom.Udmf;

/// <summary>One <c>name { key = value; ... }</c> block. Names and keys are lower-cased (UDMF is case-insensitive).</summary>
public sealed class UdmfBlock
{
    internal UdmfBlock(string name, int line, Dictionary<string, UdmfValue> fields)
    {
        Name = name;
        Line = line;
        Fields = fields;
    }

    public string Name { get; }

    /// <summary>1-based line of the block's name in the text.</summary>
    public int Line { get; }

    public IReadOnlyDictionary<string, UdmfValue> Fields { get; }

    public bool TryGet(string key, out UdmfValue value) => Fields.TryGetValue(key, out value);
}

namespace RlGameTester.Doom.Udmf;

/// <summary>One top-level statement of a TEXTMAP: a global assignment (<see cref="Block"/> null) or a block.</summary>
internal readonly record struct UdmfStatement(string Name, int Line, UdmfValue Value, UdmfBlock? Block);

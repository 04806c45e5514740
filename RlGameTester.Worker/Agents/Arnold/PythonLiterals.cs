namespace RlGameTester.Worker.Agents.Arnold;

/// <summary>The Python literals Arnold prints (a dict of rewards, a list of strings), written as JSON.</summary>
internal static class PythonLiterals
{
    /// <summary><c>{'BASE_REWARD': 0.0, 'KILL': 5.0}</c> as <c>"values":{"base_reward":0.0,"kill":5.0}</c>.</summary>
    public static void WriteRewardValues(JsonPayloadWriter json, ReadOnlySpan<char> dict)
    {
        json.StartObject("values");
        var inner = dict.Trim();
        if (inner.Length >= 2 && inner[0] == '{' && inner[^1] == '}')
        {
            inner = inner[1..^1];
            foreach (var range in inner.Split(','))
            {
                var entry = inner[range];
                var colon = entry.IndexOf(':');
                if (colon < 0)
                {
                    continue;
                }

                var key = entry[..colon].Trim().Trim('\'').Trim('"');
                json.Number(JsonText.ToSnakeCase(key), entry[(colon + 1)..].Trim());
            }
        }

        json.EndObject();
    }

    /// <summary>Writes the quoted items of a Python list of strings (<c>['A', 'B']</c>) as JSON strings.</summary>
    public static void WriteStrings(JsonPayloadWriter json, ReadOnlySpan<char> list)
    {
        var i = 0;
        while (i < list.Length)
        {
            var quote = list[i];
            if (quote is not ('\'' or '"'))
            {
                i++;
                continue;
            }

            var end = list[(i + 1)..].IndexOf(quote);
            if (end < 0)
            {
                return;
            }

            json.StringValue(list.Slice(i + 1, end));
            i += end + 2;
        }
    }
}

namespace RlGameTester.Doom.Exploration;

/// <summary>
/// A monotone priority queue for small integer step costs (Dial's algorithm): a ring of buckets, one per distance
/// modulo the ring size, which must exceed the largest step cost. Pops come in distance order, last in first out
/// within a distance, so searches stay deterministic.
/// </summary>
internal sealed class BucketQueue
{
    private readonly List<int>[] buckets;
    private readonly int mask;
    private int current;
    private int count;

    public BucketQueue(int size)
    {
        buckets = new List<int>[size];
        for (var i = 0; i < size; i++)
        {
            buckets[i] = [];
        }

        mask = size - 1;
    }

    public void Clear()
    {
        if (count > 0)
        {
            foreach (var bucket in buckets)
            {
                bucket.Clear();
            }
        }

        count = 0;
        current = 0;
    }

    public void Push(int item, int priority)
    {
        buckets[priority & mask].Add(item);
        count++;
    }

    public bool TryPop(out int item, out int priority)
    {
        if (count == 0)
        {
            item = priority = 0;
            return false;
        }

        var bucket = buckets[current & mask];
        while (bucket.Count == 0)
        {
            current++;
            bucket = buckets[current & mask];
        }

        item = bucket[^1];
        bucket.RemoveAt(bucket.Count - 1);
        count--;
        priority = current;
        return true;
    }
}

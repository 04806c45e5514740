namespace RlGameTester.Doom.Exploration;

/// <summary>
/// A monotone priority queue for small integer step costs (Dial's algorithm): a ring of buckets, one per distance
/// modulo the ring size, which must exceed the largest step cost. Pops come in distance order, last in first out
/// within a distance, so searches stay deterministic.
/// </summary>
internal sealed class BucketQueue
{
    private readonly List<int>[] _buckets;
    private readonly int _mask;
    private int _current;
    private int _count;

    public BucketQueue(int size)
    {
        _buckets = new List<int>[size];
        for (var i = 0; i < size; i++)
        {
            _buckets[i] = [];
        }

        _mask = size - 1;
    }

    public void Clear()
    {
        if (_count > 0)
        {
            foreach (var bucket in _buckets)
            {
                bucket.Clear();
            }
        }

        _count = 0;
        _current = 0;
    }

    public void Push(int item, int priority)
    {
        _buckets[priority & _mask].Add(item);
        _count++;
    }

    public bool TryPop(out int item, out int priority)
    {
        if (_count == 0)
        {
            item = priority = 0;
            return false;
        }

        var bucket = _buckets[_current & _mask];
        while (bucket.Count == 0)
        {
            _current++;
            bucket = _buckets[_current & _mask];
        }

        item = bucket[^1];
        bucket.RemoveAt(bucket.Count - 1);
        _count--;
        priority = _current;
        return true;
    }
}

namespace ModelTree.Graph.Internal;

/// <summary>
/// Tarjan's strongly connected components, iterative (an explicit stack, no recursion, so a chain of
/// two million links cannot overflow the call stack). Components come out in reverse topological order
/// of the adjacency given: a component is numbered after every component it reaches.
/// </summary>
internal static class SccFinder
{
    /// <summary>Component number of each node, and the number of components.</summary>
    public static (int[] Component, int Count) Find(int nodes, int[] start, int[] target)
    {
        var index = new int[nodes];
        var low = new int[nodes];
        var component = new int[nodes];
        Array.Fill(index, -1);
        var onStack = new bool[nodes];
        var stack = new int[nodes];
        var stackTop = 0;
        var callNode = new int[nodes];
        var callEdge = new int[nodes];
        var next = 0;
        var count = 0;

        for (var s = 0; s < nodes; s++)
        {
            if (index[s] >= 0)
            {
                continue;
            }
            var depth = 0;
            callNode[0] = s;
            callEdge[0] = start[s];
            index[s] = low[s] = next++;
            stack[stackTop++] = s;
            onStack[s] = true;

            while (depth >= 0)
            {
                var v = callNode[depth];
                var e = callEdge[depth];
                if (e < start[v + 1])
                {
                    callEdge[depth] = e + 1;
                    var w = target[e];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = next++;
                        stack[stackTop++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = start[w];
                    }
                    else if (onStack[w] && index[w] < low[v])
                    {
                        low[v] = index[w];
                    }
                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack[--stackTop];
                        onStack[w] = false;
                        component[w] = count;
                    }
                    while (w != v);
                    count++;
                }
                depth--;
                if (depth >= 0)
                {
                    var parent = callNode[depth];
                    if (low[v] < low[parent])
                    {
                        low[parent] = low[v];
                    }
                }
            }
        }
        return (component, count);
    }
}

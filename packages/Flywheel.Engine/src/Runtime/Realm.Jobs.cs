namespace Flywheel.Engine.Runtime;

/// <summary>The job (microtask) queue. Jobs run after each top-level script or API call, in FIFO order.</summary>
internal sealed partial class Realm
{
    public readonly Queue<(JsValue Handler, JsValue A, JsValue B, JsValue C)> Jobs = new();

    public void EnqueueJob(JsValue handler, JsValue a, JsValue b, JsValue c) => Jobs.Enqueue((handler, a, b, c));

    /// <summary>FinalizationRegistry cleanup calls (callback, held value) queued by the collector; run as tasks after the microtasks.</summary>
    public readonly Queue<(JsValue Callback, JsValue Held)> FinalizationCleanups = new();

    /// <summary>
    /// Targets of WeakRefs created or dereferenced during the current job (the spec's [[KeptAlive]]
    /// list): rooted until the job ends, so a WeakRef observed alive stays alive for the rest of it.
    /// A set of value bits, so a loop that calls deref() a million times keeps one entry, not a million.
    /// </summary>
    public readonly HashSet<ulong> KeptAlive = [];

    /// <summary>AddToKeptObjects: keeps <paramref name="target"/> alive until the current job ends.</summary>
    public void KeepDuringJob(JsValue target) => KeptAlive.Add(target.Bits);

    /// <summary>Whether the event loop has anything to run: jobs, timers or finalization cleanups.</summary>
    public bool HasPendingWork => Jobs.Count > 0 || Timers.Count > 0 || FinalizationCleanups.Count > 0;

    /// <summary>Runs queued FinalizationRegistry cleanup callbacks, each followed by the microtasks it queued.</summary>
    void RunFinalizationCleanups()
    {
        while (FinalizationCleanups.Count > 0)
        {
            var (f, held) = FinalizationCleanups.Peek();
            using var hs = new HandleScope(this);
            hs.Add(f); hs.Add(held);
            FinalizationCleanups.Dequeue();
            Interp.Call(f, JsValue.Undefined, [held]);
            RunJobs();
        }
    }

    /// <summary>Pending timers (setTimeout/setInterval): due time in virtual ms, sequence, callback, arguments, interval.</summary>
    public readonly List<(double Due, long Seq, int Id, JsValue Callback, JsValue Args, double Interval)> Timers = [];
    public double VirtualNow;
    long timerSeq;
    public int NextTimerId = 1;

    public int AddTimer(JsValue callback, JsValue args, double delay, double interval)
    {
        int id = NextTimerId++;
        Timers.Add((VirtualNow + Math.Max(1, delay), timerSeq++, id, callback, args, interval));
        return id;
    }

    /// <summary>Runs microtasks, then timers in due order (virtual time: no real waiting), until both are empty.</summary>
    public void RunEventLoop()
    {
        RunJobs();
        RunFinalizationCleanups();
        while (Timers.Count > 0)
        {
            int best = 0;
            for (int i = 1; i < Timers.Count; i++)
                if (Timers[i].Due < Timers[best].Due || (Timers[i].Due == Timers[best].Due && Timers[i].Seq < Timers[best].Seq)) best = i;
            var t = Timers[best];
            Timers.RemoveAt(best);
            VirtualNow = Math.Max(VirtualNow, t.Due);
            if (t.Interval >= 0) Timers.Add((VirtualNow + Math.Max(1, t.Interval), timerSeq++, t.Id, t.Callback, t.Args, t.Interval));
            using (var hs = new HandleScope(this))
            {
                hs.Add(t.Callback); hs.Add(t.Args);
                var args = Builtins.FunctionBuiltins.ListFromArrayLike(this, t.Args);
                Interp.Call(t.Callback, JsValue.Undefined, args);
                KeptAlive.Clear();
            }
            RunJobs();
            RunFinalizationCleanups();
        }
    }

    /// <summary>Runs jobs until the queue is empty. Jobs stay rooted while queued (see the collector).</summary>
    public void RunJobs()
    {
        while (Jobs.Count > 0)
        {
            var (h, a, b, c) = Jobs.Peek();
            using var hs = new HandleScope(this);
            hs.Add(h); hs.Add(a); hs.Add(b); hs.Add(c);
            Jobs.Dequeue();
            Builtins.PromiseBuiltins.RunJob(this, h, a, b, c);
            KeptAlive.Clear(); // ClearKeptObjects: the job is over
        }
    }
}

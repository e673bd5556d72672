namespace Flywheel.Bench.CodeGen;

/// <summary>The IR kernels written in C# over raw pointers (no bounds checks, like the IR), for RyuJIT to compile.</summary>
static unsafe class CSharpKernels
{
    public static long Sum(long* values, long n)
    {
        long sum = 0;
        for (long i = 0; i < n; i++) sum += values[i];
        return sum;
    }

    public static double Dot(double* a, double* b, long n)
    {
        double sum = 0;
        for (long i = 0; i < n; i++) sum += a[i] * b[i];
        return sum;
    }

    public static void MatMul(double* a, double* b, double* c, long n)
    {
        for (long i = 0; i < n; i++)
        {
            for (long j = 0; j < n; j++)
            {
                double sum = 0;
                for (long k = 0; k < n; k++) sum += a[i * n + k] * b[k * n + j];
                c[i * n + j] = sum;
            }
        }
    }

    public static long Sieve(byte* flags, long n)
    {
        for (long i = 0; i < n; i++) flags[i] = 1;
        long count = 0;
        for (long i = 2; i < n; i++)
        {
            if (flags[i] == 0) continue;
            count++;
            for (long j = i * i; j < n; j += i) flags[j] = 0;
        }
        return count;
    }

    public static long Fib(long n)
    {
        long a = 0, b = 1;
        for (long i = 0; i < n; i++) (a, b) = (b, unchecked(a + b));
        return a;
    }

    public static long Machine(sbyte* input, long n)
    {
        long state = 0, acc = 0;
        for (long i = 0; i < n; i++)
        {
            long x = input[i];
            switch (state)
            {
                case 0: state = x & 3; acc += 1; break;
                case 1: acc += x; state = 2; break;
                case 2: acc ^= x; state = 5; break;
                case 3: acc *= 3; state = 4; break;
                case 4: acc -= x; state = 0; break;
                case 5: state = x & 7; acc += state; break;
                default: state = 1; acc += 1; break;
            }
        }
        return acc;
    }
}

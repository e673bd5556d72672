namespace Flywheel.Arm64;

/// <summary>
/// Every register by its assembly name, for <c>using static Flywheel.Arm64.Registers;</c>.
/// </summary>
public static class Registers
{
    /// <summary><c>x0</c>.</summary>
    public static readonly Register X0 = new(0, true);
    /// <summary><c>w0</c>.</summary>
    public static readonly Register W0 = new(0, false);
    /// <summary><c>x1</c>.</summary>
    public static readonly Register X1 = new(1, true);
    /// <summary><c>w1</c>.</summary>
    public static readonly Register W1 = new(1, false);
    /// <summary><c>x2</c>.</summary>
    public static readonly Register X2 = new(2, true);
    /// <summary><c>w2</c>.</summary>
    public static readonly Register W2 = new(2, false);
    /// <summary><c>x3</c>.</summary>
    public static readonly Register X3 = new(3, true);
    /// <summary><c>w3</c>.</summary>
    public static readonly Register W3 = new(3, false);
    /// <summary><c>x4</c>.</summary>
    public static readonly Register X4 = new(4, true);
    /// <summary><c>w4</c>.</summary>
    public static readonly Register W4 = new(4, false);
    /// <summary><c>x5</c>.</summary>
    public static readonly Register X5 = new(5, true);
    /// <summary><c>w5</c>.</summary>
    public static readonly Register W5 = new(5, false);
    /// <summary><c>x6</c>.</summary>
    public static readonly Register X6 = new(6, true);
    /// <summary><c>w6</c>.</summary>
    public static readonly Register W6 = new(6, false);
    /// <summary><c>x7</c>.</summary>
    public static readonly Register X7 = new(7, true);
    /// <summary><c>w7</c>.</summary>
    public static readonly Register W7 = new(7, false);
    /// <summary><c>x8</c>.</summary>
    public static readonly Register X8 = new(8, true);
    /// <summary><c>w8</c>.</summary>
    public static readonly Register W8 = new(8, false);
    /// <summary><c>x9</c>.</summary>
    public static readonly Register X9 = new(9, true);
    /// <summary><c>w9</c>.</summary>
    public static readonly Register W9 = new(9, false);
    /// <summary><c>x10</c>.</summary>
    public static readonly Register X10 = new(10, true);
    /// <summary><c>w10</c>.</summary>
    public static readonly Register W10 = new(10, false);
    /// <summary><c>x11</c>.</summary>
    public static readonly Register X11 = new(11, true);
    /// <summary><c>w11</c>.</summary>
    public static readonly Register W11 = new(11, false);
    /// <summary><c>x12</c>.</summary>
    public static readonly Register X12 = new(12, true);
    /// <summary><c>w12</c>.</summary>
    public static readonly Register W12 = new(12, false);
    /// <summary><c>x13</c>.</summary>
    public static readonly Register X13 = new(13, true);
    /// <summary><c>w13</c>.</summary>
    public static readonly Register W13 = new(13, false);
    /// <summary><c>x14</c>.</summary>
    public static readonly Register X14 = new(14, true);
    /// <summary><c>w14</c>.</summary>
    public static readonly Register W14 = new(14, false);
    /// <summary><c>x15</c>.</summary>
    public static readonly Register X15 = new(15, true);
    /// <summary><c>w15</c>.</summary>
    public static readonly Register W15 = new(15, false);
    /// <summary><c>x16</c>.</summary>
    public static readonly Register X16 = new(16, true);
    /// <summary><c>w16</c>.</summary>
    public static readonly Register W16 = new(16, false);
    /// <summary><c>x17</c>.</summary>
    public static readonly Register X17 = new(17, true);
    /// <summary><c>w17</c>.</summary>
    public static readonly Register W17 = new(17, false);
    /// <summary><c>x18</c>.</summary>
    public static readonly Register X18 = new(18, true);
    /// <summary><c>w18</c>.</summary>
    public static readonly Register W18 = new(18, false);
    /// <summary><c>x19</c>.</summary>
    public static readonly Register X19 = new(19, true);
    /// <summary><c>w19</c>.</summary>
    public static readonly Register W19 = new(19, false);
    /// <summary><c>x20</c>.</summary>
    public static readonly Register X20 = new(20, true);
    /// <summary><c>w20</c>.</summary>
    public static readonly Register W20 = new(20, false);
    /// <summary><c>x21</c>.</summary>
    public static readonly Register X21 = new(21, true);
    /// <summary><c>w21</c>.</summary>
    public static readonly Register W21 = new(21, false);
    /// <summary><c>x22</c>.</summary>
    public static readonly Register X22 = new(22, true);
    /// <summary><c>w22</c>.</summary>
    public static readonly Register W22 = new(22, false);
    /// <summary><c>x23</c>.</summary>
    public static readonly Register X23 = new(23, true);
    /// <summary><c>w23</c>.</summary>
    public static readonly Register W23 = new(23, false);
    /// <summary><c>x24</c>.</summary>
    public static readonly Register X24 = new(24, true);
    /// <summary><c>w24</c>.</summary>
    public static readonly Register W24 = new(24, false);
    /// <summary><c>x25</c>.</summary>
    public static readonly Register X25 = new(25, true);
    /// <summary><c>w25</c>.</summary>
    public static readonly Register W25 = new(25, false);
    /// <summary><c>x26</c>.</summary>
    public static readonly Register X26 = new(26, true);
    /// <summary><c>w26</c>.</summary>
    public static readonly Register W26 = new(26, false);
    /// <summary><c>x27</c>.</summary>
    public static readonly Register X27 = new(27, true);
    /// <summary><c>w27</c>.</summary>
    public static readonly Register W27 = new(27, false);
    /// <summary><c>x28</c>.</summary>
    public static readonly Register X28 = new(28, true);
    /// <summary><c>w28</c>.</summary>
    public static readonly Register W28 = new(28, false);
    /// <summary><c>x29</c>.</summary>
    public static readonly Register X29 = new(29, true);
    /// <summary><c>w29</c>.</summary>
    public static readonly Register W29 = new(29, false);
    /// <summary><c>x30</c>.</summary>
    public static readonly Register X30 = new(30, true);
    /// <summary><c>w30</c>.</summary>
    public static readonly Register W30 = new(30, false);
    /// <summary>The 64-bit zero register.</summary>
    public static readonly Register XZR = new(31, true);
    /// <summary>The 32-bit zero register.</summary>
    public static readonly Register WZR = new(31, false);
    /// <summary>The stack pointer.</summary>
    public static readonly RegisterOrSp SP = new(31, true);
    /// <summary>The 32-bit view of the stack pointer.</summary>
    public static readonly RegisterOrSp WSP = new(31, false);
    /// <summary>The frame pointer, <c>x29</c>.</summary>
    public static readonly Register FP = new(29, true);
    /// <summary>The link register, <c>x30</c>.</summary>
    public static readonly Register LR = new(30, true);
    /// <summary><c>d0</c>.</summary>
    public static readonly FpRegister D0 = new(0, FpSize.D);
    /// <summary><c>s0</c>.</summary>
    public static readonly FpRegister S0 = new(0, FpSize.S);
    /// <summary><c>q0</c>.</summary>
    public static readonly FpRegister Q0 = new(0, FpSize.Q);
    /// <summary><c>d1</c>.</summary>
    public static readonly FpRegister D1 = new(1, FpSize.D);
    /// <summary><c>s1</c>.</summary>
    public static readonly FpRegister S1 = new(1, FpSize.S);
    /// <summary><c>q1</c>.</summary>
    public static readonly FpRegister Q1 = new(1, FpSize.Q);
    /// <summary><c>d2</c>.</summary>
    public static readonly FpRegister D2 = new(2, FpSize.D);
    /// <summary><c>s2</c>.</summary>
    public static readonly FpRegister S2 = new(2, FpSize.S);
    /// <summary><c>q2</c>.</summary>
    public static readonly FpRegister Q2 = new(2, FpSize.Q);
    /// <summary><c>d3</c>.</summary>
    public static readonly FpRegister D3 = new(3, FpSize.D);
    /// <summary><c>s3</c>.</summary>
    public static readonly FpRegister S3 = new(3, FpSize.S);
    /// <summary><c>q3</c>.</summary>
    public static readonly FpRegister Q3 = new(3, FpSize.Q);
    /// <summary><c>d4</c>.</summary>
    public static readonly FpRegister D4 = new(4, FpSize.D);
    /// <summary><c>s4</c>.</summary>
    public static readonly FpRegister S4 = new(4, FpSize.S);
    /// <summary><c>q4</c>.</summary>
    public static readonly FpRegister Q4 = new(4, FpSize.Q);
    /// <summary><c>d5</c>.</summary>
    public static readonly FpRegister D5 = new(5, FpSize.D);
    /// <summary><c>s5</c>.</summary>
    public static readonly FpRegister S5 = new(5, FpSize.S);
    /// <summary><c>q5</c>.</summary>
    public static readonly FpRegister Q5 = new(5, FpSize.Q);
    /// <summary><c>d6</c>.</summary>
    public static readonly FpRegister D6 = new(6, FpSize.D);
    /// <summary><c>s6</c>.</summary>
    public static readonly FpRegister S6 = new(6, FpSize.S);
    /// <summary><c>q6</c>.</summary>
    public static readonly FpRegister Q6 = new(6, FpSize.Q);
    /// <summary><c>d7</c>.</summary>
    public static readonly FpRegister D7 = new(7, FpSize.D);
    /// <summary><c>s7</c>.</summary>
    public static readonly FpRegister S7 = new(7, FpSize.S);
    /// <summary><c>q7</c>.</summary>
    public static readonly FpRegister Q7 = new(7, FpSize.Q);
    /// <summary><c>d8</c>.</summary>
    public static readonly FpRegister D8 = new(8, FpSize.D);
    /// <summary><c>s8</c>.</summary>
    public static readonly FpRegister S8 = new(8, FpSize.S);
    /// <summary><c>q8</c>.</summary>
    public static readonly FpRegister Q8 = new(8, FpSize.Q);
    /// <summary><c>d9</c>.</summary>
    public static readonly FpRegister D9 = new(9, FpSize.D);
    /// <summary><c>s9</c>.</summary>
    public static readonly FpRegister S9 = new(9, FpSize.S);
    /// <summary><c>q9</c>.</summary>
    public static readonly FpRegister Q9 = new(9, FpSize.Q);
    /// <summary><c>d10</c>.</summary>
    public static readonly FpRegister D10 = new(10, FpSize.D);
    /// <summary><c>s10</c>.</summary>
    public static readonly FpRegister S10 = new(10, FpSize.S);
    /// <summary><c>q10</c>.</summary>
    public static readonly FpRegister Q10 = new(10, FpSize.Q);
    /// <summary><c>d11</c>.</summary>
    public static readonly FpRegister D11 = new(11, FpSize.D);
    /// <summary><c>s11</c>.</summary>
    public static readonly FpRegister S11 = new(11, FpSize.S);
    /// <summary><c>q11</c>.</summary>
    public static readonly FpRegister Q11 = new(11, FpSize.Q);
    /// <summary><c>d12</c>.</summary>
    public static readonly FpRegister D12 = new(12, FpSize.D);
    /// <summary><c>s12</c>.</summary>
    public static readonly FpRegister S12 = new(12, FpSize.S);
    /// <summary><c>q12</c>.</summary>
    public static readonly FpRegister Q12 = new(12, FpSize.Q);
    /// <summary><c>d13</c>.</summary>
    public static readonly FpRegister D13 = new(13, FpSize.D);
    /// <summary><c>s13</c>.</summary>
    public static readonly FpRegister S13 = new(13, FpSize.S);
    /// <summary><c>q13</c>.</summary>
    public static readonly FpRegister Q13 = new(13, FpSize.Q);
    /// <summary><c>d14</c>.</summary>
    public static readonly FpRegister D14 = new(14, FpSize.D);
    /// <summary><c>s14</c>.</summary>
    public static readonly FpRegister S14 = new(14, FpSize.S);
    /// <summary><c>q14</c>.</summary>
    public static readonly FpRegister Q14 = new(14, FpSize.Q);
    /// <summary><c>d15</c>.</summary>
    public static readonly FpRegister D15 = new(15, FpSize.D);
    /// <summary><c>s15</c>.</summary>
    public static readonly FpRegister S15 = new(15, FpSize.S);
    /// <summary><c>q15</c>.</summary>
    public static readonly FpRegister Q15 = new(15, FpSize.Q);
    /// <summary><c>d16</c>.</summary>
    public static readonly FpRegister D16 = new(16, FpSize.D);
    /// <summary><c>s16</c>.</summary>
    public static readonly FpRegister S16 = new(16, FpSize.S);
    /// <summary><c>q16</c>.</summary>
    public static readonly FpRegister Q16 = new(16, FpSize.Q);
    /// <summary><c>d17</c>.</summary>
    public static readonly FpRegister D17 = new(17, FpSize.D);
    /// <summary><c>s17</c>.</summary>
    public static readonly FpRegister S17 = new(17, FpSize.S);
    /// <summary><c>q17</c>.</summary>
    public static readonly FpRegister Q17 = new(17, FpSize.Q);
    /// <summary><c>d18</c>.</summary>
    public static readonly FpRegister D18 = new(18, FpSize.D);
    /// <summary><c>s18</c>.</summary>
    public static readonly FpRegister S18 = new(18, FpSize.S);
    /// <summary><c>q18</c>.</summary>
    public static readonly FpRegister Q18 = new(18, FpSize.Q);
    /// <summary><c>d19</c>.</summary>
    public static readonly FpRegister D19 = new(19, FpSize.D);
    /// <summary><c>s19</c>.</summary>
    public static readonly FpRegister S19 = new(19, FpSize.S);
    /// <summary><c>q19</c>.</summary>
    public static readonly FpRegister Q19 = new(19, FpSize.Q);
    /// <summary><c>d20</c>.</summary>
    public static readonly FpRegister D20 = new(20, FpSize.D);
    /// <summary><c>s20</c>.</summary>
    public static readonly FpRegister S20 = new(20, FpSize.S);
    /// <summary><c>q20</c>.</summary>
    public static readonly FpRegister Q20 = new(20, FpSize.Q);
    /// <summary><c>d21</c>.</summary>
    public static readonly FpRegister D21 = new(21, FpSize.D);
    /// <summary><c>s21</c>.</summary>
    public static readonly FpRegister S21 = new(21, FpSize.S);
    /// <summary><c>q21</c>.</summary>
    public static readonly FpRegister Q21 = new(21, FpSize.Q);
    /// <summary><c>d22</c>.</summary>
    public static readonly FpRegister D22 = new(22, FpSize.D);
    /// <summary><c>s22</c>.</summary>
    public static readonly FpRegister S22 = new(22, FpSize.S);
    /// <summary><c>q22</c>.</summary>
    public static readonly FpRegister Q22 = new(22, FpSize.Q);
    /// <summary><c>d23</c>.</summary>
    public static readonly FpRegister D23 = new(23, FpSize.D);
    /// <summary><c>s23</c>.</summary>
    public static readonly FpRegister S23 = new(23, FpSize.S);
    /// <summary><c>q23</c>.</summary>
    public static readonly FpRegister Q23 = new(23, FpSize.Q);
    /// <summary><c>d24</c>.</summary>
    public static readonly FpRegister D24 = new(24, FpSize.D);
    /// <summary><c>s24</c>.</summary>
    public static readonly FpRegister S24 = new(24, FpSize.S);
    /// <summary><c>q24</c>.</summary>
    public static readonly FpRegister Q24 = new(24, FpSize.Q);
    /// <summary><c>d25</c>.</summary>
    public static readonly FpRegister D25 = new(25, FpSize.D);
    /// <summary><c>s25</c>.</summary>
    public static readonly FpRegister S25 = new(25, FpSize.S);
    /// <summary><c>q25</c>.</summary>
    public static readonly FpRegister Q25 = new(25, FpSize.Q);
    /// <summary><c>d26</c>.</summary>
    public static readonly FpRegister D26 = new(26, FpSize.D);
    /// <summary><c>s26</c>.</summary>
    public static readonly FpRegister S26 = new(26, FpSize.S);
    /// <summary><c>q26</c>.</summary>
    public static readonly FpRegister Q26 = new(26, FpSize.Q);
    /// <summary><c>d27</c>.</summary>
    public static readonly FpRegister D27 = new(27, FpSize.D);
    /// <summary><c>s27</c>.</summary>
    public static readonly FpRegister S27 = new(27, FpSize.S);
    /// <summary><c>q27</c>.</summary>
    public static readonly FpRegister Q27 = new(27, FpSize.Q);
    /// <summary><c>d28</c>.</summary>
    public static readonly FpRegister D28 = new(28, FpSize.D);
    /// <summary><c>s28</c>.</summary>
    public static readonly FpRegister S28 = new(28, FpSize.S);
    /// <summary><c>q28</c>.</summary>
    public static readonly FpRegister Q28 = new(28, FpSize.Q);
    /// <summary><c>d29</c>.</summary>
    public static readonly FpRegister D29 = new(29, FpSize.D);
    /// <summary><c>s29</c>.</summary>
    public static readonly FpRegister S29 = new(29, FpSize.S);
    /// <summary><c>q29</c>.</summary>
    public static readonly FpRegister Q29 = new(29, FpSize.Q);
    /// <summary><c>d30</c>.</summary>
    public static readonly FpRegister D30 = new(30, FpSize.D);
    /// <summary><c>s30</c>.</summary>
    public static readonly FpRegister S30 = new(30, FpSize.S);
    /// <summary><c>q30</c>.</summary>
    public static readonly FpRegister Q30 = new(30, FpSize.Q);
    /// <summary><c>d31</c>.</summary>
    public static readonly FpRegister D31 = new(31, FpSize.D);
    /// <summary><c>s31</c>.</summary>
    public static readonly FpRegister S31 = new(31, FpSize.S);
    /// <summary><c>q31</c>.</summary>
    public static readonly FpRegister Q31 = new(31, FpSize.Q);
    /// <summary><c>v0</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V0 = new(0, Arrangement.S4);
    /// <summary><c>v1</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V1 = new(1, Arrangement.S4);
    /// <summary><c>v2</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V2 = new(2, Arrangement.S4);
    /// <summary><c>v3</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V3 = new(3, Arrangement.S4);
    /// <summary><c>v4</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V4 = new(4, Arrangement.S4);
    /// <summary><c>v5</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V5 = new(5, Arrangement.S4);
    /// <summary><c>v6</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V6 = new(6, Arrangement.S4);
    /// <summary><c>v7</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V7 = new(7, Arrangement.S4);
    /// <summary><c>v8</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V8 = new(8, Arrangement.S4);
    /// <summary><c>v9</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V9 = new(9, Arrangement.S4);
    /// <summary><c>v10</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V10 = new(10, Arrangement.S4);
    /// <summary><c>v11</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V11 = new(11, Arrangement.S4);
    /// <summary><c>v12</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V12 = new(12, Arrangement.S4);
    /// <summary><c>v13</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V13 = new(13, Arrangement.S4);
    /// <summary><c>v14</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V14 = new(14, Arrangement.S4);
    /// <summary><c>v15</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V15 = new(15, Arrangement.S4);
    /// <summary><c>v16</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V16 = new(16, Arrangement.S4);
    /// <summary><c>v17</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V17 = new(17, Arrangement.S4);
    /// <summary><c>v18</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V18 = new(18, Arrangement.S4);
    /// <summary><c>v19</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V19 = new(19, Arrangement.S4);
    /// <summary><c>v20</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V20 = new(20, Arrangement.S4);
    /// <summary><c>v21</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V21 = new(21, Arrangement.S4);
    /// <summary><c>v22</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V22 = new(22, Arrangement.S4);
    /// <summary><c>v23</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V23 = new(23, Arrangement.S4);
    /// <summary><c>v24</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V24 = new(24, Arrangement.S4);
    /// <summary><c>v25</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V25 = new(25, Arrangement.S4);
    /// <summary><c>v26</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V26 = new(26, Arrangement.S4);
    /// <summary><c>v27</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V27 = new(27, Arrangement.S4);
    /// <summary><c>v28</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V28 = new(28, Arrangement.S4);
    /// <summary><c>v29</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V29 = new(29, Arrangement.S4);
    /// <summary><c>v30</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V30 = new(30, Arrangement.S4);
    /// <summary><c>v31</c> (<c>.4s</c>; use <see cref="VRegister.D2"/> for <c>.2d</c>).</summary>
    public static readonly VRegister V31 = new(31, Arrangement.S4);
}

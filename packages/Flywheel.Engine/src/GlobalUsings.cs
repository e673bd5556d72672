global using Flywheel.Engine.Runtime;
global using Flywheel.Engine.Compiler;
global using Flywheel.Engine.Interpreter;
global using Flywheel.Engine.Builtins;
global using Flywheel.Engine.Bytecode;
global using Flywheel.Engine.Baseline;

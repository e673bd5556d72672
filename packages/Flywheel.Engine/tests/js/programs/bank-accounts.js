// A class hierarchy for bank accounts: private fields, static counters, getters, inheritance,
// overriding, custom errors, and a transaction log replayed at the end.
class InsufficientFunds extends Error {
  constructor(account, amount) {
    super(`account ${account.id} cannot withdraw ${amount.toFixed(2)} (balance ${account.balance.toFixed(2)})`);
    this.name = "InsufficientFunds";
    this.amount = amount;
  }
}
class Account {
  static #nextId = 1000;
  static count = 0;
  #balance = 0;
  #history = [];
  constructor(owner, initial = 0) {
    this.id = Account.#nextId++;
    this.owner = owner;
    Account.count++;
    if (initial) this.deposit(initial, "opening");
  }
  get balance() { return this.#balance; }
  get history() { return this.#history.slice(); }
  get kind() { return "basic"; }
  canWithdraw(amount) { return amount <= this.#balance; }
  deposit(amount, memo = "deposit") {
    if (!(amount > 0)) throw new RangeError(`invalid amount ${amount}`);
    this.#balance = Math.round((this.#balance + amount) * 100) / 100;
    this.#history.push({ type: "in", amount, memo });
    return this;
  }
  withdraw(amount, memo = "withdrawal") {
    if (!(amount > 0)) throw new RangeError(`invalid amount ${amount}`);
    if (!this.canWithdraw(amount)) throw new InsufficientFunds(this, amount);
    this.#balance = Math.round((this.#balance - amount) * 100) / 100;
    this.#history.push({ type: "out", amount, memo });
    return this;
  }
  monthEnd() {}
  toString() { return `${this.kind} #${this.id} (${this.owner}): ${this.balance.toFixed(2)}`; }
  static transfer(from, to, amount) {
    from.withdraw(amount, `transfer to ${to.id}`);
    to.deposit(amount, `transfer from ${from.id}`);
  }
}
class SavingsAccount extends Account {
  constructor(owner, initial, rate) { super(owner, initial); this.rate = rate; this.withdrawalsThisMonth = 0; }
  get kind() { return "savings"; }
  canWithdraw(amount) { return this.withdrawalsThisMonth < 2 && super.canWithdraw(amount); }
  withdraw(amount, memo) { super.withdraw(amount, memo); this.withdrawalsThisMonth++; return this; }
  monthEnd() {
    const interest = Math.round(this.balance * this.rate / 12 * 100) / 100;
    if (interest > 0) this.deposit(interest, "interest");
    this.withdrawalsThisMonth = 0;
  }
}
class CheckingAccount extends Account {
  constructor(owner, initial, overdraft) { super(owner, initial); this.overdraft = overdraft; }
  get kind() { return "checking"; }
  canWithdraw(amount) { return amount <= this.balance + this.overdraft; }
  monthEnd() { if (this.balance < 0) this.withdraw(Math.min(15, this.balance + this.overdraft) || 15, "overdraft fee"); }
}
const bank = [
  new Account("ann", 100),
  new SavingsAccount("bob", 5000, 0.03),
  new CheckingAccount("cid", 50, 200),
];
const ops = [
  () => bank[0].deposit(25.5),
  () => bank[0].withdraw(200),
  () => bank[1].withdraw(100),
  () => bank[1].withdraw(100),
  () => bank[1].withdraw(100),
  () => bank[2].withdraw(180),
  () => Account.transfer(bank[1], bank[0], 50),
  () => Account.transfer(bank[0], bank[2], 75.25),
  () => bank[2].deposit(-5),
  () => bank[2].withdraw(500),
];
for (const [i, op] of ops.entries()) {
  try { op(); console.log(`op ${i}: ok`); }
  catch (e) { console.log(`op ${i}: ${e.name}: ${e.message}`, e instanceof InsufficientFunds, e instanceof Error); }
}
for (let month = 1; month <= 3; month++) {
  bank.forEach(a => a.monthEnd());
  console.log(`after month ${month}: ` + bank.map(a => a.balance.toFixed(2)).join(" "));
}
for (const a of bank) {
  console.log(String(a));
  for (const h of a.history) console.log(`  ${h.type.padEnd(3)} ${h.amount.toFixed(2).padStart(8)}  ${h.memo}`);
}
console.log("accounts:", Account.count, bank.map(a => a instanceof Account && a.constructor.name).join(","));
console.log(Object.keys(bank[1]), JSON.stringify(bank[2]));
const total = bank.reduce((s, a) => s + a.balance, 0);
console.log("total", total.toFixed(2), bank.filter(a => a.balance > 1000).map(a => a.owner));

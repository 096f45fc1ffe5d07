//! Custom scoring formulas: the text a tender publishes (`max * (1 - (value - best) / best)`),
//! parsed into an expression tree with [`winnow`], checked for unknown names and arities, and
//! rendered back for the published texts.
//!
//! The grammar, with the usual precedence (unary minus binds tighter than `*` and `/`, which bind
//! tighter than `+` and `-`; operators of one level associate to the left):
//!
//! ```text
//! sum     = product (("+" | "-") product)*
//! product = unary (("*" | "/") unary)*
//! unary   = "-" unary | atom
//! atom    = number | name "(" sum ("," sum)* ")" | name | "(" sum ")"
//! number  = digits ("." digits)?
//! ```
//!
//! The multiplication and division signs `×`, `·` and `÷` are read as `*` and `/`, so a formula
//! copied from a published text reads back. A formula is at most [`MAX_LENGTH`] characters and
//! nests at most [`MAX_DEPTH`] levels deep, so a hostile formula cannot exhaust the stack.
//!
//! Nothing is evaluated here: the scoring crate evaluates the tree in exact rationals. There is no
//! code evaluation of any kind; the tree has only numbers, names, the four operations and the
//! functions of [`Function`].

use std::fmt;

use rust_decimal::Decimal;
use winnow::Parser;
use winnow::ascii::{digit1, multispace0};
use winnow::error::ContextError;
use winnow::token::{one_of, take_while};

use crate::award::RoundingStrategy;

/// The longest formula accepted, in characters.
pub const MAX_LENGTH: usize = 400;

/// The deepest nesting of parentheses, function calls and unary minus accepted.
pub const MAX_DEPTH: usize = 24;

/// The variables every measured criterion's formula can use.
pub const VARIABLES: [&str; 7] = ["value", "best", "worst", "lowest", "highest", "mean", "max"];

/// The variables a price model's formula can use: the bid's evaluated price, the lowest, highest
/// and mean price of the bids in play, and the price criterion's maximum points.
pub const PRICE_VARIABLES: [&str; 5] = ["price", "lowest", "highest", "mean", "max"];

/// The price variables that depend on the other bids.
pub const PRICE_RELATIVE: [&str; 3] = ["lowest", "highest", "mean"];

/// An arithmetic operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// A function a formula can call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Function {
    /// `min(a, b, …)`: the smallest argument.
    Min,
    /// `max(a, b, …)`: the largest argument.
    Max,
    /// `abs(x)`.
    Abs,
    /// `clamp(x, lo, hi)`: `x` limited to `lo..hi`.
    Clamp,
    /// `round_half_up(x, d)` and the other rounding functions: `x` rounded to `d` decimals by the
    /// named strategy.
    Round(RoundingStrategy),
}

impl Function {
    /// The function's name as written.
    pub fn name(self) -> &'static str {
        match self {
            Self::Min => "min",
            Self::Max => "max",
            Self::Abs => "abs",
            Self::Clamp => "clamp",
            Self::Round(RoundingStrategy::HalfUp) => "round_half_up",
            Self::Round(RoundingStrategy::HalfEven) => "round_half_even",
            Self::Round(RoundingStrategy::HalfDown) => "round_half_down",
            Self::Round(RoundingStrategy::Down) => "round_down",
            Self::Round(RoundingStrategy::Up) => "round_up",
        }
    }

    /// Every function, for messages.
    pub const ALL: [Self; 9] = [
        Self::Min,
        Self::Max,
        Self::Abs,
        Self::Clamp,
        Self::Round(RoundingStrategy::HalfUp),
        Self::Round(RoundingStrategy::HalfEven),
        Self::Round(RoundingStrategy::HalfDown),
        Self::Round(RoundingStrategy::Down),
        Self::Round(RoundingStrategy::Up),
    ];

    fn by_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The number of arguments it takes: (least, most).
    fn arity(self) -> (usize, usize) {
        match self {
            Self::Min | Self::Max => (2, 8),
            Self::Abs => (1, 1),
            Self::Clamp => (3, 3),
            Self::Round(_) => (2, 2),
        }
    }
}

/// A formula's expression tree. Every node keeps the character (1-based column) where it starts
/// in the formula's text, for located messages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A decimal number as written.
    Number(Decimal),
    /// A variable or a constant the tender names, and its column.
    Name(String, usize),
    /// Unary minus.
    Neg(Box<Expr>),
    /// A binary operation.
    Binary(Op, Box<Expr>, Box<Expr>),
    /// A function call, its arguments and the column of its name.
    Call(Function, Vec<Expr>, usize),
}

/// Why a formula could not be read, at which character (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormulaError {
    /// The character (1-based) where the problem is.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What would fix it.
    pub fix: String,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.column, self.message)
    }
}

/// The parser's state: the whole text (for columns) and the nesting depth.
struct Reader<'s> {
    text: &'s str,
    depth: usize,
}

type Step<T> = Result<T, FormulaError>;

impl<'s> Reader<'s> {
    fn column(&self, rest: &str) -> usize {
        let used = self.text.len().saturating_sub(rest.len());
        self.text.get(..used).map_or(1, |s| s.chars().count().saturating_add(1))
    }

    fn error(&self, rest: &str, message: impl Into<String>, fix: impl Into<String>) -> FormulaError {
        FormulaError { column: self.column(rest), message: message.into(), fix: fix.into() }
    }

    fn space(input: &mut &'s str) {
        let _: Result<&str, ContextError> = multispace0.parse_next(input);
    }

    /// Takes one of the characters in `set` after optional space.
    fn symbol(input: &mut &'s str, set: &[char]) -> Option<char> {
        Self::space(input);
        let mut probe = *input;
        let r: Result<char, ContextError> = one_of(|c: char| set.contains(&c)).parse_next(&mut probe);
        r.ok().inspect(|_| *input = probe)
    }

    fn deeper(&mut self, input: &str) -> Step<()> {
        self.depth = self.depth.saturating_add(1);
        if self.depth > MAX_DEPTH {
            return Err(self.error(
                input,
                format!("the formula nests more than {MAX_DEPTH} levels deep"),
                "simplify the formula",
            ));
        }
        Ok(())
    }

    fn sum(&mut self, input: &mut &'s str) -> Step<Expr> {
        let mut left = self.product(input)?;
        while let Some(c) = Self::symbol(input, &['+', '-', '−']) {
            let op = if c == '+' { Op::Add } else { Op::Sub };
            let right = self.product(input)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn product(&mut self, input: &mut &'s str) -> Step<Expr> {
        let mut left = self.unary(input)?;
        while let Some(c) = Self::symbol(input, &['*', '/', '×', '·', '÷']) {
            let op = if matches!(c, '/' | '÷') { Op::Div } else { Op::Mul };
            let right = self.unary(input)?;
            left = Expr::Binary(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self, input: &mut &'s str) -> Step<Expr> {
        if Self::symbol(input, &['-', '−']).is_some() {
            self.deeper(input)?;
            let inner = self.unary(input)?;
            self.depth = self.depth.saturating_sub(1);
            return Ok(Expr::Neg(Box::new(inner)));
        }
        self.atom(input)
    }

    fn atom(&mut self, input: &mut &'s str) -> Step<Expr> {
        Self::space(input);
        if Self::symbol(input, &['(']).is_some() {
            self.deeper(input)?;
            let inner = self.sum(input)?;
            self.depth = self.depth.saturating_sub(1);
            if Self::symbol(input, &[')']).is_none() {
                return Err(self.error(input, "a `)` is missing here", "close every `(` with a `)`"));
            }
            return Ok(inner);
        }
        let start = *input;
        let number: Result<&str, ContextError> =
            (digit1, winnow::combinator::opt(('.', digit1))).take().parse_next(input);
        if let Ok(text) = number {
            return crate::num::parse_decimal(text).map(Expr::Number).map_err(|_| {
                self.error(start, format!("the number {text} has too many digits"), "use at most 28 digits")
            });
        }
        let name: Result<&str, ContextError> =
            (take_while(1, |c: char| c.is_ascii_alphabetic() || c == '_'), take_while(0.., is_name_char))
                .take()
                .parse_next(input);
        let Ok(name) = name else {
            let found = input.chars().next();
            return Err(match found {
                None => self.error(input, "the formula ends where a number, a name or `(` is expected", "complete the formula"),
                Some(c) => self.error(
                    input,
                    format!("`{c}` is not allowed here; a number, a name or `(` is expected"),
                    "write numbers with a decimal point (99.9), names in letters, digits and `_`, and the operators + - * /",
                ),
            });
        };
        let column = self.column(start);
        let mut probe = *input;
        if Self::symbol(&mut probe, &['(']).is_none() {
            return Ok(Expr::Name(name.to_owned(), column));
        }
        *input = probe;
        let Some(function) = Function::by_name(name) else {
            let known: Vec<&str> = Function::ALL.iter().map(|f| f.name()).collect();
            return Err(FormulaError {
                column,
                message: format!("`{name}` is not a function"),
                fix: format!("use one of {}", known.join(", ")),
            });
        };
        self.deeper(input)?;
        let mut args = vec![self.sum(input)?];
        while Self::symbol(input, &[',']).is_some() {
            args.push(self.sum(input)?);
        }
        if Self::symbol(input, &[')']).is_none() {
            return Err(self.error(
                input,
                format!("the call of `{name}` is not closed"),
                "separate arguments with `,` and close with `)`",
            ));
        }
        self.depth = self.depth.saturating_sub(1);
        let (least, most) = function.arity();
        if args.len() < least || args.len() > most {
            let wanted = if least == most { least.to_string() } else { format!("{least} to {most}") };
            return Err(FormulaError {
                column,
                message: format!("`{name}` takes {wanted} arguments, not {}", args.len()),
                fix: format!("give `{name}` {wanted} arguments"),
            });
        }
        if let Function::Round(_) = function {
            let decimals_ok = matches!(args.get(1), Some(Expr::Number(d)) if d.fract().is_zero() && *d <= Decimal::TEN && !d.is_sign_negative());
            if !decimals_ok {
                return Err(FormulaError {
                    column,
                    message: format!("the second argument of `{name}` is not a whole number of decimals from 0 to 10"),
                    fix: format!("write the decimals as a number, e.g. {name}(x, 2)"),
                });
            }
        }
        Ok(Expr::Call(function, args, column))
    }
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Parses a formula.
///
/// # Errors
/// A [`FormulaError`] with the character where the formula stops making sense.
///
/// ```
/// use tender_core::formula::parse;
/// let expr = parse("max * (1 - (value - best) / best)")?;
/// assert_eq!(tender_core::formula::render(&expr, &|n| n.to_owned(), "×", "÷"), "max × (1 − (value − best) ÷ best)");
/// assert_eq!(parse("max * (1 - value").unwrap_err().column, 17);
/// # Ok::<(), tender_core::formula::FormulaError>(())
/// ```
pub fn parse(text: &str) -> Result<Expr, FormulaError> {
    let chars = text.chars().count();
    if chars > MAX_LENGTH {
        return Err(FormulaError {
            column: MAX_LENGTH.saturating_add(1),
            message: format!("the formula has {chars} characters, more than {MAX_LENGTH}"),
            fix: "shorten the formula".into(),
        });
    }
    let mut reader = Reader { text, depth: 0 };
    let mut input = text;
    let expr = reader.sum(&mut input)?;
    Reader::space(&mut input);
    if let Some(c) = input.chars().next() {
        return Err(reader.error(
            input,
            format!("`{c}` is not expected here"),
            "join terms with an operator (+ - * /) and close only the parentheses you opened",
        ));
    }
    Ok(expr)
}

/// The names a formula uses, with their columns, in the order written.
pub fn names(expr: &Expr) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    collect(expr, &mut out);
    out
}

fn collect<'e>(expr: &'e Expr, out: &mut Vec<(&'e str, usize)>) {
    match expr {
        Expr::Number(_) => {}
        Expr::Name(n, col) => out.push((n.as_str(), *col)),
        Expr::Neg(x) => collect(x, out),
        Expr::Binary(_, a, b) => {
            collect(a, out);
            collect(b, out);
        }
        Expr::Call(_, args, _) => args.iter().for_each(|a| collect(a, out)),
    }
}

fn precedence(expr: &Expr) -> u8 {
    match expr {
        Expr::Binary(Op::Add | Op::Sub, ..) => 1,
        Expr::Binary(Op::Mul | Op::Div, ..) => 2,
        Expr::Neg(_) => 3,
        _ => 4,
    }
}

/// Renders a formula with normalised spacing, the given signs for `*` and `/`, the minus sign
/// `−`, and each name as `name` gives it (a variable in the text's language).
pub fn render(expr: &Expr, name: &dyn Fn(&str) -> String, times: &str, divide: &str) -> String {
    render_with(expr, &|n| name(n), &|d| d.normalize().to_string(), ", ", times, divide)
}

/// [`render`] with numbers written by `number` (a decimal comma in Danish) and the arguments of a
/// function separated by `separator` (`; ` where the decimal mark is a comma).
pub fn render_with(
    expr: &Expr,
    name: &dyn Fn(&str) -> String,
    number: &dyn Fn(Decimal) -> String,
    separator: &str,
    times: &str,
    divide: &str,
) -> String {
    let go = |e: &Expr| render_with(e, name, number, separator, times, divide);
    let wrap = |e: &Expr, min: u8| if precedence(e) < min { format!("({})", go(e)) } else { go(e) };
    match expr {
        Expr::Number(d) => number(*d),
        Expr::Name(n, _) => name(n),
        Expr::Neg(x) => format!("−{}", wrap(x, 3)),
        Expr::Binary(op, a, b) => {
            let (sign, level) = match op {
                Op::Add => ("+", 1_u8),
                Op::Sub => ("−", 1),
                Op::Mul => (times, 2),
                Op::Div => (divide, 2),
            };
            // The right operand of − and ÷ keeps its parentheses at the same level.
            let right_min = if matches!(op, Op::Sub | Op::Div) { level.saturating_add(1) } else { level };
            format!("{} {sign} {}", wrap(a, level), wrap(b, right_min))
        }
        Expr::Call(f, args, _) => {
            let list: Vec<String> = args.iter().map(go).collect();
            format!("{}({})", f.name(), list.join(separator))
        }
    }
}

/// A mistake in a formula or its constants, for validation: `(Some(constant), …)` for a
/// constant's name, `(None, …)` for the formula; then the message and the fix.
pub(crate) type Mistake = (Option<String>, String, String);

/// The tender author's mistakes in a formula with the given `variables` and `constants`: a
/// formula that cannot be read, a name that is neither a variable nor a constant, a constant that
/// cannot be named so. Shared by measured criteria and the price formula.
pub(crate) fn check_names<'c>(
    formula: &str,
    constants: impl Iterator<Item = &'c String> + Clone,
    variables: &[&str],
) -> Vec<Mistake> {
    let mut out = Vec::new();
    for name in constants.clone() {
        let bad = variables.contains(&name.as_str())
            || !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if bad {
            out.push((
                Some(name.clone()),
                format!("`{name}` cannot name a constant"),
                format!("use letters, digits and `_`, starting with a letter, and none of {}", variables.join(", ")),
            ));
        }
    }
    match parse(formula) {
        Err(e) => out.push((None, format!("the formula cannot be read {e}"), e.fix)),
        Ok(expr) => {
            for (name, column) in names(&expr) {
                if !variables.contains(&name) && !constants.clone().any(|c| c == name) {
                    out.push((
                        None,
                        format!("at character {column}: `{name}` is not a variable or a constant of the tender"),
                        format!("use {} or name the constant under `constants`", variables.join(", ")),
                    ));
                }
            }
        }
    }
    out
}

/// Whether a formula's value is proportional to the variable `var` (homogeneous of degree 1 in
/// it: doubling `var` doubles the value), as `max * lowest / price` and
/// `clamp(max * (1 - price / 100), 0, max)` are in `max`. The rounding functions are taken as the
/// value they round (the weight analyses ignore rounding); `None` is "not shown".
///
/// ```
/// use tender_core::formula::{parse, proportional_to};
/// assert!(proportional_to(&parse("round_half_up(max * clamp(1 - price / 100, 0, 1), 2)")?, "max"));
/// assert!(proportional_to(&parse("clamp(max * (2 - price / lowest), 0, max)")?, "max"));
/// assert!(!proportional_to(&parse("min(max, 30 * lowest / price)")?, "max"));
/// # Ok::<(), tender_core::formula::FormulaError>(())
/// ```
pub fn proportional_to(expr: &Expr, var: &str) -> bool {
    degree(expr, var) == Some(Degree::Exactly(1))
}

/// The degree of homogeneity of a value in one variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Degree {
    /// Zero, which has every degree.
    Any,
    /// `var` to this power.
    Exactly(i32),
}

fn degree(expr: &Expr, var: &str) -> Option<Degree> {
    let same = |a: Degree, b: Degree| match (a, b) {
        (Degree::Any, x) | (x, Degree::Any) => Some(x),
        (x, y) if x == y => Some(x),
        _ => None,
    };
    Some(match expr {
        Expr::Number(d) if d.is_zero() => Degree::Any,
        Expr::Number(_) => Degree::Exactly(0),
        Expr::Name(n, _) if n == var => Degree::Exactly(1),
        Expr::Name(..) => Degree::Exactly(0),
        Expr::Neg(x) => degree(x, var)?,
        Expr::Binary(op, a, b) => {
            let (a, b) = (degree(a, var)?, degree(b, var)?);
            match (op, a, b) {
                (Op::Add | Op::Sub, a, b) => same(a, b)?,
                (Op::Mul | Op::Div, Degree::Any, _) => Degree::Any,
                (Op::Mul | Op::Div, _, Degree::Any) => return None,
                (Op::Mul, Degree::Exactly(x), Degree::Exactly(y)) => Degree::Exactly(x.checked_add(y)?),
                (Op::Div, Degree::Exactly(x), Degree::Exactly(y)) => Degree::Exactly(x.checked_sub(y)?),
            }
        }
        Expr::Call(Function::Round(_), args, _) => degree(args.first()?, var)?,
        Expr::Call(_, args, _) => {
            let mut d = Degree::Any;
            for a in args {
                d = same(d, degree(a, var)?)?;
            }
            d
        }
    })
}

/// The sign a value can take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// Above zero.
    Positive,
    /// Below zero.
    Negative,
    /// Zero.
    Zero,
    /// Zero or above.
    NonNegative,
    /// Zero or below.
    NonPositive,
    /// Any sign.
    Any,
}

impl Sign {
    /// The sign of a number.
    pub fn of(d: Decimal) -> Self {
        if d.is_zero() {
            Self::Zero
        } else if d.is_sign_negative() {
            Self::Negative
        } else {
            Self::Positive
        }
    }

    fn flip(self) -> Self {
        match self {
            Self::Positive => Self::Negative,
            Self::Negative => Self::Positive,
            Self::NonNegative => Self::NonPositive,
            Self::NonPositive => Self::NonNegative,
            other => other,
        }
    }

    fn at_least_zero(self) -> bool {
        matches!(self, Self::Positive | Self::Zero | Self::NonNegative)
    }

    fn at_most_zero(self) -> bool {
        matches!(self, Self::Negative | Self::Zero | Self::NonPositive)
    }

    fn add(self, other: Self) -> Self {
        match (self, other) {
            (Self::Zero, x) | (x, Self::Zero) => x,
            (Self::Positive, y) | (y, Self::Positive) if y.at_least_zero() => Self::Positive,
            (Self::Negative, y) | (y, Self::Negative) if y.at_most_zero() => Self::Negative,
            (x, y) if x.at_least_zero() && y.at_least_zero() => Self::NonNegative,
            (x, y) if x.at_most_zero() && y.at_most_zero() => Self::NonPositive,
            _ => Self::Any,
        }
    }

    fn mul(self, other: Self) -> Self {
        match (self, other) {
            (Self::Zero, _) | (_, Self::Zero) => Self::Zero,
            (Self::Any, _) | (_, Self::Any) => Self::Any,
            (Self::Positive, y) => y,
            (x, Self::Positive) => x,
            (Self::Negative, y) => y.flip(),
            (x, Self::Negative) => x.flip(),
            (x, y) if x == y => Self::NonNegative,
            _ => Self::NonPositive,
        }
    }

    /// Not zero anywhere: a divisor of this sign never divides by zero, and its reciprocal keeps
    /// the sign.
    fn strict(self) -> bool {
        matches!(self, Self::Positive | Self::Negative)
    }
}

/// How a formula's value moves as one variable rises, everything else fixed. `Rising` and
/// `Falling` are not strict: a value that stays level over a stretch (as `max(0, …)` does) is
/// still `Falling` if it never rises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// Does not depend on the variable.
    Constant,
    /// Never falls as the variable rises.
    Rising,
    /// Never rises as the variable rises.
    Falling,
    /// Not shown to be either by the rules below.
    Unknown,
}

impl Trend {
    fn flip(self) -> Self {
        match self {
            Self::Rising => Self::Falling,
            Self::Falling => Self::Rising,
            other => other,
        }
    }

    fn join(self, other: Self) -> Self {
        match (self, other) {
            (Self::Constant, x) | (x, Self::Constant) => x,
            (x, y) if x == y => x,
            _ => Self::Unknown,
        }
    }

    /// Times a factor of the given sign that does not depend on the variable.
    fn scaled(self, sign: Sign) -> Self {
        match sign {
            _ if self == Self::Constant => Self::Constant,
            Sign::Zero => Self::Constant,
            Sign::Positive | Sign::NonNegative => self,
            Sign::Negative | Sign::NonPositive => self.flip(),
            Sign::Any => Self::Unknown,
        }
    }
}

/// How `expr` moves as the variable `var` rises, with the sign of every other name from `sign_of`
/// (`var` itself is taken as above zero). A proof by the rules of monotone functions: sums of
/// values moving the same way, products and quotients by factors of a known sign, the reciprocal
/// of a value that keeps its sign, and `min`, `max`, `clamp`, `abs` of a known sign and the
/// rounding functions, which keep a direction. What the rules cannot show is
/// [`Trend::Unknown`], never a guess.
///
/// ```
/// use tender_core::formula::{parse, trend, Sign, Trend};
/// let positive = |_: &str| Some(Sign::Positive);
/// let e = parse("max * lowest / price")?;
/// assert_eq!(trend(&e, "price", &positive), Trend::Falling);
/// let e = parse("max * max(0, 1 - (price - lowest) / lowest)")?;
/// assert_eq!(trend(&e, "price", &positive), Trend::Falling);
/// let e = parse("max * abs(price - lowest) / price")?;
/// assert_eq!(trend(&e, "price", &positive), Trend::Unknown);
/// # Ok::<(), tender_core::formula::FormulaError>(())
/// ```
pub fn trend(expr: &Expr, var: &str, sign_of: &dyn Fn(&str) -> Option<Sign>) -> Trend {
    shape(expr, var, sign_of).0
}

fn shape(expr: &Expr, var: &str, sign_of: &dyn Fn(&str) -> Option<Sign>) -> (Trend, Sign) {
    let go = |e: &Expr| shape(e, var, sign_of);
    match expr {
        Expr::Number(d) => (Trend::Constant, Sign::of(*d)),
        Expr::Name(n, _) if n == var => (Trend::Rising, Sign::Positive),
        Expr::Name(n, _) => (Trend::Constant, sign_of(n).unwrap_or(Sign::Any)),
        Expr::Neg(x) => {
            let (t, s) = go(x);
            (t.flip(), s.flip())
        }
        Expr::Binary(op, a, b) => {
            let (ta, sa) = go(a);
            let (tb, sb) = go(b);
            match op {
                Op::Add => (ta.join(tb), sa.add(sb)),
                Op::Sub => (ta.join(tb.flip()), sa.add(sb.flip())),
                Op::Mul => (product(ta, sa, tb, sb), sa.mul(sb)),
                // A divisor that can be zero is no proof of anything.
                Op::Div if !sb.strict() => (Trend::Unknown, Sign::Any),
                // 1 / b moves against b and keeps its sign.
                Op::Div => (product(ta, sa, tb.flip(), sb), sa.mul(sb)),
            }
        }
        Expr::Call(f, args, _) => {
            let parts: Vec<(Trend, Sign)> = args.iter().map(go).collect();
            let first = parts.first().copied().unwrap_or((Trend::Constant, Sign::Zero));
            let joined = parts.iter().fold(Trend::Constant, |t, p| t.join(p.0));
            match f {
                Function::Min => (joined, parts.iter().skip(1).fold(first.1, |s, p| lesser(s, p.1))),
                Function::Max => (joined, parts.iter().skip(1).fold(first.1, |s, p| greater(s, p.1))),
                Function::Clamp => {
                    let lo = parts.get(1).map_or(Sign::Any, |p| p.1);
                    let hi = parts.get(2).map_or(Sign::Any, |p| p.1);
                    (joined, lesser(greater(first.1, lo), hi))
                }
                Function::Abs => match first.1 {
                    s if s.at_least_zero() => first,
                    s if s.at_most_zero() => (first.0.flip(), s.flip()),
                    _ if first.0 == Trend::Constant => (Trend::Constant, Sign::NonNegative),
                    _ => (Trend::Unknown, Sign::NonNegative),
                },
                Function::Round(_) => {
                    let s = match first.1 {
                        Sign::Positive => Sign::NonNegative,
                        Sign::Negative => Sign::NonPositive,
                        other => other,
                    };
                    (first.0, s)
                }
            }
        }
    }
}

fn product(ta: Trend, sa: Sign, tb: Trend, sb: Sign) -> Trend {
    match (ta, tb) {
        (Trend::Constant, t) => t.scaled(sa),
        (t, Trend::Constant) => t.scaled(sb),
        // Two factors that both move: only when neither is below zero and both move one way.
        (x, y) if x == y && x != Trend::Unknown && sa.at_least_zero() && sb.at_least_zero() => x,
        _ => Trend::Unknown,
    }
}

/// The sign of the smaller of two values.
fn lesser(a: Sign, b: Sign) -> Sign {
    greater(a.flip(), b.flip()).flip()
}

/// The sign of the larger of two values.
fn greater(a: Sign, b: Sign) -> Sign {
    match (a, b) {
        (Sign::Positive, _) | (_, Sign::Positive) => Sign::Positive,
        (Sign::Any, _) | (_, Sign::Any) => Sign::Any,
        (Sign::NonNegative, _) | (_, Sign::NonNegative) => Sign::NonNegative,
        // The larger of zero and a value at most zero.
        (Sign::Zero, _) | (_, Sign::Zero) => Sign::Zero,
        (Sign::NonPositive, _) | (_, Sign::NonPositive) => Sign::NonPositive,
        _ => Sign::Negative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_and_rendering() {
        let e = parse("max*(1-(value-best)/best)").unwrap_or(Expr::Number(Decimal::ZERO));
        assert_eq!(render(&e, &|n| n.to_owned(), "*", "/"), "max * (1 − (value − best) / best)");
        let e = parse("a - (b - c) - d").unwrap_or(Expr::Number(Decimal::ZERO));
        assert_eq!(render(&e, &|n| n.to_owned(), "*", "/"), "a − (b − c) − d");
        let e = parse("-x * 2 + clamp(value, 0, 10)").unwrap_or(Expr::Number(Decimal::ZERO));
        assert_eq!(render(&e, &|n| n.to_owned(), "×", "÷"), "−x × 2 + clamp(value, 0, 10)");
    }

    #[test]
    fn trends_by_the_rules_and_unknown_where_they_prove_nothing() {
        let positive = |_: &str| Some(Sign::Positive);
        let t = |f: &str, var: &str| trend(&parse(f).unwrap_or(Expr::Number(Decimal::ZERO)), var, &positive);
        assert_eq!(t("max * lowest / price", "lowest"), Trend::Rising);
        assert_eq!(
            t("round_half_up(max * clamp(1 - (price - lowest) / (s * lowest), 0, 1), 2)", "price"),
            Trend::Falling
        );
        assert_eq!(t("max * (highest - price) / highest", "price"), Trend::Falling);
        assert_eq!(t("max * min(1, mean / price)", "mean"), Trend::Rising);
        assert_eq!(t("max", "price"), Trend::Constant);
        // A divisor whose sign is not known, or that moves through zero.
        assert_eq!(t("max * (highest - price) / (highest - lowest)", "price"), Trend::Unknown);
        assert_eq!(t("max / (price - 100)", "price"), Trend::Unknown);
        // Two factors that both move, one of them of any sign.
        assert_eq!(t("(price - 100) * price", "price"), Trend::Unknown);
        // A negative constant flips the direction.
        let negative = |n: &str| Some(if n == "k" { Sign::Negative } else { Sign::Positive });
        let e = parse("k * price").unwrap_or(Expr::Number(Decimal::ZERO));
        assert_eq!(trend(&e, "price", &negative), Trend::Falling);
    }

    #[test]
    fn located_errors() {
        let col = |t: &str| parse(t).err().map(|e| e.column);
        assert_eq!(col("max * (1 - value"), Some(17));
        assert_eq!(col("max * # 2"), Some(7));
        assert_eq!(col("10 * foo(value)"), Some(6));
        assert_eq!(col("abs(value, 2)"), Some(1));
        assert_eq!(col("round_half_up(value, x)"), Some(1));
        assert_eq!(col("value value"), Some(7));
        let deep = format!("{}1{}", "(".repeat(100), ")".repeat(100));
        assert!(parse(&deep).is_err());
        let long = "1+".repeat(300);
        assert!(parse(&long).is_err());
    }
}

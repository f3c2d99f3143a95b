//! What is in force on a date, asked in one place: a value that clauses
//! change from given days on ([`Dated`]), and the one rule that picks the
//! step in force ([`in_force`]), which the view's versions, every table
//! derived from them (the row checks', the router's, the ledger's limits)
//! and the statement all follow.

use chrono::NaiveDate;

/// The place of the step in force at `at` among `steps` in order of their
/// first day: the last one whose first day (`from`; `None`: from the start)
/// is at or before `at`. `None` when every step begins after `at`.
pub fn in_force<T, D: Ord + Copy>(
    steps: &[T],
    from: impl Fn(&T) -> Option<D>,
    at: D,
) -> Option<usize> {
    steps.iter().rposition(|s| from(s).is_none_or(|f| f <= at))
}

/// A value by the first day of each of its steps, in order: the first step
/// usually holds from the start (`None`), each next one from its day on.
/// Days are dates, or day numbers on the ledger's hot path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated<T, D = NaiveDate> {
    steps: Vec<(Option<D>, T)>,
}

impl<T, D> Default for Dated<T, D> {
    fn default() -> Self {
        Dated { steps: Vec::new() }
    }
}

impl<T, D: Ord + Copy> Dated<T, D> {
    /// The steps, in order of their first day.
    pub fn from_steps(steps: Vec<(Option<D>, T)>) -> Self {
        Dated { steps }
    }

    /// Adds a step in force from `from` (after every step so far).
    pub fn push(&mut self, from: Option<D>, value: T) {
        self.steps.push((from, value));
    }

    /// The value in force at `at`, and its step's place.
    pub fn step_on(&self, at: D) -> Option<(usize, &T)> {
        let i = in_force(&self.steps, |s| s.0, at)?;
        self.steps.get(i).map(|(_, v)| (i, v))
    }

    /// The value in force at `at`.
    pub fn on(&self, at: D) -> Option<&T> {
        self.step_on(at).map(|(_, v)| v)
    }

    /// The value in force at `at`, to change it.
    pub fn on_mut(&mut self, at: D) -> Option<&mut T> {
        let i = in_force(&self.steps, |s| s.0, at)?;
        self.steps.get_mut(i).map(|(_, v)| v)
    }

    /// Every step: its first day and its value.
    pub fn steps(&self) -> impl DoubleEndedIterator<Item = (Option<D>, &T)> {
        self.steps.iter().map(|(from, v)| (*from, v))
    }

    /// Every value, in order.
    pub fn values(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.steps.iter().map(|(_, v)| v)
    }

    /// The last step's value.
    pub fn last(&self) -> Option<&T> {
        self.steps.last().map(|(_, v)| v)
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The same steps, each value mapped.
    pub fn map<U>(&self, mut f: impl FnMut(&T) -> U) -> Dated<U, D> {
        Dated {
            steps: self.steps.iter().map(|(from, v)| (*from, f(v))).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2018, m, day).unwrap()
    }

    #[test]
    fn the_last_step_begun_is_in_force() {
        let dated = Dated::from_steps(vec![(None, "signed"), (Some(d(3, 1)), "avenant 1")]);
        assert_eq!(dated.on(d(1, 1)), Some(&"signed"));
        assert_eq!(dated.on(d(2, 28)), Some(&"signed"));
        assert_eq!(dated.on(d(3, 1)), Some(&"avenant 1"));
        assert_eq!(dated.step_on(d(12, 31)), Some((1, &"avenant 1")));
    }

    #[test]
    fn nothing_is_in_force_before_the_first_step() {
        let dated = Dated::from_steps(vec![(Some(5), 'a'), (Some(9), 'b')]);
        assert_eq!(dated.on(4), None);
        assert_eq!(dated.on(5), Some(&'a'));
        assert_eq!(dated.on(100), Some(&'b'));
        assert_eq!(Dated::<char, i32>::default().on(0), None);
    }

    #[test]
    fn steps_of_one_day_in_the_order_stated_keep_the_last() {
        let dated = Dated::from_steps(vec![(None, 0), (Some(3), 1), (Some(3), 2)]);
        assert_eq!(dated.on(3), Some(&2));
        assert_eq!(in_force(&[Some(3), Some(3)], |f| *f, 2), None);
    }
}

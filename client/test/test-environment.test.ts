// The test environment (test/jsdom-env.cjs) mixes Node's fetch family into jsdom. React 19 reads a
// submitted form with `new FormData(form, submitter)` when a transition is pending in the same
// event; without support for that, a form test fails at random with "FormData constructor:
// Argument 1 could not be converted".
describe('test environment', () => {
  it('builds FormData from a form, as browsers do', () => {
    document.body.innerHTML = '<form><input name="reason" value="Assegnazione"><select name="caseworkerId"><option value="a1" selected>A</option></select><button name="go" value="1">Go</button></form>';
    const form = document.querySelector('form')!;
    const data = new FormData(form, form.querySelector('button'));
    expect(Object.fromEntries(data.entries())).toEqual({ reason: 'Assegnazione', caseworkerId: 'a1', go: '1' });
    expect(new FormData().has('reason')).toBe(false);
  });
});

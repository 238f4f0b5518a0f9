export function KeyboardHelp() {
  return (
    <section className="fc-keys" aria-labelledby="fc-keys-heading">
      <h2 id="fc-keys-heading">Keyboard</h2>
      <dl>
        <div>
          <dt>
            <kbd>Space</kbd>
          </dt>
          <dd>show the answer</dd>
        </div>
        <div>
          <dt>
            <kbd>1</kbd>–<kbd>4</kbd>
          </dt>
          <dd>Again, Hard, Good, Easy</dd>
        </div>
        <div>
          <dt>
            <kbd>U</kbd>
          </dt>
          <dd>undo the last rating, bury or suspend</dd>
        </div>
      </dl>
    </section>
  );
}

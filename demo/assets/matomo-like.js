// A stand-in for a Matomo tracker, for the demo: on load it does what a real analytics tag does
// (an id cookie, a session cookie, a localStorage key, a tracking request). garde keeps this file
// asleep (type="text/plain") until the visitor allows "analytics", and erases all of it on refusal.
(function () {
  var id = Math.random().toString(16).slice(2, 18);
  var now = Math.floor(Date.now() / 1000);
  document.cookie =
    '_pk_id.1.a1b2=' + id + '.' + now + '; path=/; max-age=' + 395 * 86400 + '; SameSite=Lax';
  document.cookie = '_pk_ses.1.a1b2=1; path=/; max-age=1800; SameSite=Lax';
  localStorage.setItem('_pk_visitor', id);
  var q = new URLSearchParams({
    idsite: '1',
    rec: '1',
    url: location.href,
    _id: id,
    res: screen.width + 'x' + screen.height,
  });
  new Image().src = '/assets/pixel.gif?' + q;
})();

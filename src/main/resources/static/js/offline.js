/*
 * Recording without signal (issue #15). The service worker keeps the field forms (a
 * problem, a morning meeting, an inspection) on the phone so that they open with no
 * connection. A form with data-outbox-kind that is sent while the phone is offline is kept
 * in IndexedDB instead and sent when the signal returns: a problem with an idempotency key
 * made on the phone and one of the reference numbers reserved for the phone while it had
 * signal, so the villager leaves with his number; the page lists what waits, what was sent
 * and what the server refused, with its reason. Photos are shrunk on the phone first.
 */
(function () {
  'use strict';

  var DB = 'oneweek-outbox';
  var ENTRIES = 'entries';
  var REFS = 'references';

  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/sw.js').catch(function () { /* pages work without it */ });
  }

  function open() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB, 1);
      request.onupgradeneeded = function () {
        var db = request.result;
        db.createObjectStore(ENTRIES, { keyPath: 'key' });
        db.createObjectStore(REFS, { keyPath: 'reference' });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(store, mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode);
        var result = work(t.objectStore(store));
        t.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
        t.onerror = function () { reject(t.error); };
      });
    });
  }

  function all(store) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = function () { resolve(request.result || []); };
        request.onerror = function () { reject(request.error); };
      });
    });
  }

  function put(store, value) {
    return tx(store, 'readwrite', function (s) { s.put(value); });
  }

  function remove(store, key) {
    return tx(store, 'readwrite', function (s) { s['delete'](key); });
  }

  function newKey() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return 'k-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  }

  function csrf() {
    var input = document.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  /* ---- photos: shrunk on the phone (a 12 MP photo travels as a few hundred kB) ---- */

  function shrink(file, longest) {
    if (!file || !/^image\//.test(file.type) || !window.createImageBitmap) {
      return Promise.resolve(file);
    }
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, longest / Math.max(bitmap.width, bitmap.height));
      if (scale === 1 && file.size <= 500 * 1024) {
        return file;
      }
      var canvas = document.createElement('canvas');
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob ? new File([blob], 'photo.jpg', { type: 'image/jpeg' }) : file);
        }, 'image/jpeg', 0.8);
      });
    })['catch'](function () { return file; });
  }

  var shrinking = new WeakMap();

  document.addEventListener('change', function (event) {
    var input = event.target;
    if (!input.matches || !input.matches('input[type=file][data-shrink]') || !input.files || !input.files[0]) {
      return;
    }
    var longest = parseInt(input.getAttribute('data-shrink'), 10) || 1600;
    var done = shrink(input.files[0], longest).then(function (small) {
      if (small !== input.files[0] && window.DataTransfer) {
        var list = new DataTransfer();
        list.items.add(small);
        input.files = list.files;
      }
      input.setAttribute('data-shrunk', String(small.size));
      shrinking['delete'](input);
    });
    shrinking.set(input, done);
  });

  function photosReady(form) {
    var waits = [];
    form.querySelectorAll('input[type=file][data-shrink]').forEach(function (input) {
      if (shrinking.has(input)) {
        waits.push(shrinking.get(input));
      }
    });
    return Promise.all(waits);
  }

  /* ---- the outbox ---- */

  function fields(form) {
    var values = [];
    var files = [];
    new FormData(form).forEach(function (value, name) {
      if (value instanceof Blob) {
        if (value.size > 0) {
          files.push({ name: name, blob: value, filename: value.name || 'photo.jpg' });
        }
      }
      else if (name !== '_csrf' && name !== 'idempotencyKey' && name !== 'reservedReference') {
        values.push([name, value]);
      }
    });
    return { values: values, files: files };
  }

  function titleOf(values) {
    for (var i = 0; i < values.length; i++) {
      if (values[i][0] === 'title' || values[i][0] === 'place') {
        return values[i][1];
      }
    }
    return '';
  }

  function freeReference() {
    return Promise.all([all(REFS), all(ENTRIES)]).then(function (lists) {
      var used = {};
      lists[1].forEach(function (e) { if (e.reference) { used[e.reference] = true; } });
      var free = lists[0].map(function (r) { return r.reference; }).filter(function (r) { return !used[r]; }).sort();
      return free.length ? free[0] : null;
    });
  }

  function reserve(form) {
    var url = form.getAttribute('data-reserve');
    var village = form.querySelector('[name=villageId]');
    if (!url || !navigator.onLine) {
      return Promise.resolve();
    }
    var body = new URLSearchParams();
    body.append('villageId', village ? village.value : '');
    body.append('_csrf', csrf());
    return fetch(url, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
      headers: { 'Accept': 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : { references: null }; })
      .then(function (answer) {
        if (!answer.references) {
          return;
        }
        return all(REFS).then(function (held) {
          var wanted = {};
          answer.references.forEach(function (r) { wanted[r] = true; });
          var work = held.filter(function (r) { return !wanted[r.reference]; })
            .map(function (r) { return remove(REFS, r.reference); });
          answer.references.forEach(function (r) { work.push(put(REFS, { reference: r })); });
          return Promise.all(work);
        });
      })['catch'](function () { /* no signal after all */ });
  }

  function keep(form) {
    var data = fields(form);
    var kind = form.getAttribute('data-outbox-kind');
    var pick = (kind === 'case') ? freeReference() : Promise.resolve(null);
    return pick.then(function (reference) {
      var entry = {
        key: newKey(), kind: kind, action: form.getAttribute('data-outbox') || form.action,
        values: data.values, files: data.files, reference: reference, title: titleOf(data.values),
        state: 'waiting', at: Date.now()
      };
      return put(ENTRIES, entry).then(function () { return entry; });
    });
  }

  function send(entry) {
    var body = new FormData();
    entry.values.forEach(function (pair) { body.append(pair[0], pair[1]); });
    entry.files.forEach(function (file) { body.append(file.name, file.blob, file.filename); });
    body.append('_csrf', csrf());
    // the key made on the phone: sent again after an answer lost to a bad signal, the
    // entry is recorded once (the form's own key was left out when it was kept, so two
    // entries kept from one page stay two)
    body.append('idempotencyKey', entry.key);
    if (entry.kind === 'case') {
      if (entry.reference) {
        body.append('reservedReference', entry.reference);
      }
      return fetch(entry.action, { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual',
        headers: { 'Accept': 'application/json' } }).then(function (response) {
        if (response.type === 'opaqueredirect' || response.status === 401) {
          entry.state = 'login';
          return entry;
        }
        return response.json().then(function (answer) {
          if (response.ok) {
            entry.state = 'sent';
            entry.result = answer.reference;
          }
          else {
            entry.state = 'refused';
            entry.reason = (answer.errors || []).join('；');
          }
          return entry;
        });
      });
    }
    return fetch(entry.action, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (response) {
      if (/\/login(\?|$)/.test(new URL(response.url).pathname + new URL(response.url).search)) {
        entry.state = 'login';
        return entry;
      }
      if (response.ok && response.redirected) {
        entry.state = 'sent';
        return entry;
      }
      return response.text().then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var reasons = [];
        page.querySelectorAll('.field-error, .flash.error').forEach(function (e) { reasons.push(e.textContent.trim()); });
        entry.state = 'refused';
        entry.reason = reasons.join('；') || String(response.status);
        return entry;
      });
    });
  }

  var syncing = false;

  function sync() {
    if (syncing || !navigator.onLine) {
      return Promise.resolve();
    }
    syncing = true;
    return all(ENTRIES).then(function (entries) {
      var waiting = entries.filter(function (e) { return e.state === 'waiting' || e.state === 'login'; })
        .sort(function (a, b) { return a.at - b.at; });
      return waiting.reduce(function (chain, entry) {
        return chain.then(function () {
          entry.state = 'sending';
          render();
          return send(entry).then(function (sent) { return put(ENTRIES, sent); }, function () {
            entry.state = 'waiting';
            return put(ENTRIES, entry);
          }).then(render);
        });
      }, Promise.resolve());
    }).then(function () { syncing = false; render(); }, function () { syncing = false; });
  }

  function render() {
    var panel = document.getElementById('outbox');
    var list = document.getElementById('outbox-list');
    if (!panel || !list) {
      return Promise.resolve();
    }
    return all(ENTRIES).then(function (entries) {
      var dayAgo = Date.now() - 24 * 3600 * 1000;
      entries = entries.filter(function (e) { return e.state !== 'sent' || e.at > dayAgo; })
        .sort(function (a, b) { return b.at - a.at; });
      panel.hidden = entries.length === 0;
      list.textContent = '';
      entries.forEach(function (e) {
        var item = document.createElement('li');
        item.className = 'case-item outbox-' + e.state;
        item.setAttribute('data-state', e.state);
        if (e.reference || e.result) {
          var ref = document.createElement('strong');
          ref.className = 'reference';
          ref.textContent = e.result || e.reference;
          item.appendChild(ref);
          item.appendChild(document.createTextNode(' '));
        }
        var title = document.createElement('span');
        title.className = 'case-title';
        title.textContent = e.title;
        item.appendChild(title);
        var state = document.createElement('span');
        state.className = 'state';
        var text = panel.getAttribute('data-' + (e.state === 'sending' ? 'sending' : e.state)) || e.state;
        if (e.state === 'sent' && e.result) {
          text = (e.reference && e.result !== e.reference ? panel.getAttribute('data-changed') : text) + ' ' + e.result;
        }
        if (e.state === 'refused') {
          text += e.reason || '';
        }
        state.textContent = text;
        item.appendChild(document.createTextNode(' '));
        item.appendChild(state);
        list.appendChild(item);
      });
    });
  }

  function offlineForm(form) {
    form.addEventListener('submit', function (event) {
      var offline = !navigator.onLine;
      event.preventDefault();
      photosReady(form).then(function () {
        if (!offline && navigator.onLine) {
          form.submit();
          return;
        }
        return keep(form).then(function (entry) {
          if (entry.kind !== 'case') {
            var kept = document.getElementById('offline-kept');
            if (kept) { kept.hidden = false; }
            form.reset();
            return render();
          }
          var shown = document.getElementById('offline-recorded');
          var note = document.getElementById('offline-note');
          if (shown && entry.reference) {
            document.getElementById('offline-reference').textContent = entry.reference;
            shown.hidden = false;
            if (note) { note.hidden = true; }
          }
          else if (note) {
            note.hidden = false;
            if (shown) { shown.hidden = true; }
          }
          var recorded = document.getElementById('recorded');
          if (recorded) { recorded.hidden = true; }
          form.reset();
          var first = form.querySelector('#title, input[type=text]');
          if (first) { first.focus(); }
          return render();
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var forms = document.querySelectorAll('form[data-outbox-kind]');
    forms.forEach(function (form) {
      offlineForm(form);
      reserve(form);
    });
    if (forms.length || document.getElementById('outbox')) {
      render().then(sync);
      window.addEventListener('online', function () { sync(); });
      setInterval(sync, 20000);
    }
    var logout = document.getElementById('logout');
    if (logout && logout.form && window.caches) {
      // the field forms kept for offline use are this person's: not for the next one
      logout.form.addEventListener('submit', function () {
        caches.keys().then(function (keys) { keys.forEach(function (k) { caches['delete'](k); }); });
      });
    }
  });
}());

// The clerk's side of video consultation (docs/consult-signalling.md): the waiting list, one call at a time with
// the resident's terminal (WebRTC, answered once ICE gathering is complete: no trickle), pushes, and recording
// only after the resident consented. Plain JavaScript, no build step; every text from the hub goes in via
// textContent, never as HTML.
"use strict";

(() => {
  const root = document.getElementById("consult");
  const csrf = root.dataset.csrf;
  const $ = (id) => document.getElementById(id);
  const LANGUAGES = {
    zh_CN: "普通话（简体）", zh_TW: "繁體中文", zh_HK: "粤语（繁體）", yue: "粤语", en: "English", en_US: "English",
  };
  const HANGUP_TEXT = {
    done: "通话已结束", resident: "居民已挂断", clerk: "您已挂断", error: "连接出错，通话已结束",
    lost: "居民连接中断超过宽限时间，通话已结束",
  };
  const ICE_WAIT_MS = 5000; // answer with what was gathered if gathering takes longer than this
  const PIECE = 192 * 1024; // recording pieces stay under the hub's 256 KB body limit for console requests

  // Everything the page knows; window.consult lets tests and the curious read the call's numbers.
  const state = {
    ws: null, connected: false, reconnectMs: 1000,
    waiting: [], waitingAt: 0,
    call: null, pc: null, local: null, tracksAttached: false,
    audioMuted: false, videoMuted: false,
    recorder: null, recording: null, lastRecording: null,
    stats: { fpsIn: 0, fpsOut: 0, framesIn: 0, framesOut: 0, audioPacketsIn: 0, audioPacketsOut: 0,
      firstFrameAt: 0, answeredAt: 0, assignedAt: 0, width: 0, height: 0 },
    pushes: [], uploaded: 0,
  };
  window.consult = state;
  let previous = null; // the last stats reading, for rates

  function log(text) {
    const item = document.createElement("li");
    item.textContent = `${new Date().toLocaleTimeString("zh-CN", { hour12: false })} ${text}`;
    $("events").prepend(item);
    while ($("events").children.length > 50) $("events").lastElementChild.remove();
  }

  function setConnection(text, kind) {
    $("connection").textContent = text;
    $("connection").className = `connection ${kind || ""}`;
  }

  function send(message) {
    if (state.ws && state.ws.readyState === WebSocket.OPEN) state.ws.send(JSON.stringify(message));
  }

  // -- the socket -------------------------------------------------------------------------------------------------

  function connect() {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const ws = new WebSocket(`${scheme}//${location.host}/clerk/consult/ws`);
    state.ws = ws;
    ws.onopen = () => {
      state.connected = true;
      state.reconnectMs = 1000;
      setConnection("已连接，等待居民呼叫", "ok");
      updateButtons();
    };
    ws.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (_) {
        return;
      }
      onMessage(message);
    };
    ws.onclose = (event) => {
      state.connected = false;
      if (state.ws !== ws) return;
      endCall(null); // the hub ends a clerk's call when the clerk's socket closes
      updateButtons();
      if (event.code === 4401) {
        setConnection("登录已失效，请重新登录", "bad");
        location.href = "/clerk/login";
        return;
      }
      if (event.code === 4403) {
        setConnection("连接被拒绝（来源不符）", "bad");
        return;
      }
      setConnection("与服务中枢的连接中断，正在重连…", "bad");
      setTimeout(connect, state.reconnectMs);
      state.reconnectMs = Math.min(state.reconnectMs * 2, 15000);
    };
  }

  function onMessage(message) {
    switch (message.type) {
      case "ping":
        send({ type: "pong" });
        break;
      case "waiting":
        state.waiting = Array.isArray(message.calls) ? message.calls : [];
        state.waitingAt = performance.now();
        renderWaiting();
        break;
      case "assigned":
        startCall(message);
        break;
      case "offer":
        answer(message).catch((error) => log(`应答失败：${error}`));
        break;
      case "record_consent":
        onConsent(message.granted === true);
        break;
      case "mute":
        showRemoteMute(message);
        break;
      case "peer_away":
        stopRecording("居民的连接中断，录像已停止");
        log("居民的连接中断，等待重连…");
        callState("等待居民重连");
        break;
      case "peer_back":
        // Time-limited TURN credentials come afresh with it: the terminal's new offer needs a new connection.
        if (state.call && Array.isArray(message.ice_servers)) state.call.ice = message.ice_servers;
        log("居民已重新连接");
        callState("重新连接中");
        break;
      case "hangup":
        if (state.call && message.call_id === state.call.id) {
          log(HANGUP_TEXT[message.reason] || "通话已结束");
          endCall(message.reason);
        }
        break;
      case "error":
        log(`服务中枢：${message.detail}`);
        break;
      default:
        break;
    }
  }

  // -- the waiting list -------------------------------------------------------------------------------------------

  function language(code) {
    return LANGUAGES[code] || code || "";
  }

  function minutes(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${s % 60} 秒`;
  }

  function renderWaiting() {
    const body = $("waiting-rows");
    body.replaceChildren();
    const since = (performance.now() - state.waitingAt) / 1000;
    for (const call of state.waiting) {
      const row = document.createElement("tr");
      row.id = `waiting-${call.call_id}`;
      const cells = [call.site || "—", call.terminal_id, language(call.language), call.item ? call.item.name || call.item.id : "（未选事项）"];
      for (const text of cells) {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.append(cell);
      }
      if (call.elderly) {
        const badge = document.createElement("span");
        badge.className = "elderly";
        badge.textContent = "老年人";
        row.children[0].append(badge);
      }
      const waited = document.createElement("td");
      waited.className = "waited";
      waited.textContent = minutes(call.waiting_s + since);
      row.append(waited);
      const action = document.createElement("td");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "accept-one";
      button.textContent = "接听";
      button.disabled = !state.connected || state.call !== null;
      button.addEventListener("click", () => send({ type: "accept", call_id: call.call_id }));
      action.append(button);
      row.append(action);
      body.append(row);
    }
    if (!state.waiting.length) {
      const row = document.createElement("tr");
      const cell = document.createElement("td");
      cell.colSpan = 6;
      cell.className = "empty";
      cell.textContent = "暂无居民等候";
      row.append(cell);
      body.append(row);
    }
    $("queue-count").textContent = String(state.waiting.length);
    updateButtons();
  }

  function updateButtons() {
    const free = state.connected && state.call === null;
    $("accept-next").disabled = !free || state.waiting.length === 0;
    for (const button of document.querySelectorAll(".accept-one")) button.disabled = !free;
    $("record-stop").disabled = state.recorder === null;
    $("record-request").disabled = state.call === null || state.recorder !== null;
  }

  // -- the call ---------------------------------------------------------------------------------------------------

  async function openCamera() {
    try {
      state.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480, frameRate: { ideal: 30 } } });
      $("local-video").srcObject = state.local;
    } catch (error) {
      log(`无法打开摄像头或麦克风（${error.name}）：居民将看不到您`);
    }
  }

  function callState(text) {
    $("call-state").textContent = text;
  }

  function startCall(message) {
    state.call = { id: message.call_id, item: message.item, terminal: message.terminal_id, ice: message.ice_servers || [] };
    state.recordingParts = 0;
    state.stats.assignedAt = Date.now();
    $("call").hidden = false;
    $("call-site").textContent = message.site || "—";
    $("call-terminal").textContent = message.terminal_id;
    $("call-language").textContent = language(message.language) + (message.elderly ? "（老年人）" : "");
    $("call-item").textContent = message.item ? `${message.item.name || ""}（${message.item.id}）` : "未选事项";
    $("guide-item").value = message.item ? message.item.id : "";
    $("guide-items").replaceChildren();
    if (message.item) addGuideOption(message.item.id, message.item.name);
    $("record-status").textContent = "未录像";
    $("remote-muted").hidden = true;
    callState("等待居民的视频…");
    log(`已接听 ${message.terminal_id}`);
    if (state.audioMuted || state.videoMuted) {
      send({ type: "mute", call_id: message.call_id, audio: state.audioMuted, video: state.videoMuted });
    }
    newPeerConnection();
    state.statsTimer = setInterval(readStats, 1000);
    updateButtons();
  }

  function newPeerConnection() {
    // One per media session: a terminal that comes back after a drop offers from a new connection of its own
    // (new DTLS fingerprint), which an existing one cannot take.
    if (state.pc) state.pc.close();
    const pc = new RTCPeerConnection({ iceServers: state.call.ice });
    state.pc = pc;
    state.tracksAttached = false;
    state.remoteFingerprint = "";
    state.stats.firstFrameAt = 0;
    previous = null;
    const remote = new MediaStream();
    $("remote-video").srcObject = remote;
    pc.ontrack = (event) => {
      remote.addTrack(event.track);
      if (event.track.kind === "video") watchFirstFrame();
    };
    pc.onconnectionstatechange = () => {
      const names = { connecting: "连接中", connected: "通话中", disconnected: "网络不稳", failed: "连接失败", closed: "已结束" };
      if (state.pc === pc && names[pc.connectionState]) callState(names[pc.connectionState]);
    };
  }

  function watchFirstFrame() {
    const video = $("remote-video");
    const seen = () => {
      if (!state.stats.firstFrameAt) {
        state.stats.firstFrameAt = Date.now();
        log(`收到居民的视频（接听后 ${((state.stats.firstFrameAt - state.stats.assignedAt) / 1000).toFixed(1)} 秒）`);
      }
    };
    if (video.requestVideoFrameCallback) video.requestVideoFrameCallback(seen);
    else video.addEventListener("playing", seen, { once: true });
  }

  function attachLocalTracks(pc) {
    // After the remote offer: each offered audio/video section sends our track back (sendrecv).
    if (state.tracksAttached) return;
    state.tracksAttached = true;
    for (const transceiver of pc.getTransceivers()) {
      const kind = transceiver.receiver.track.kind;
      const track = state.local ? state.local.getTracks().find((t) => t.kind === kind) : null;
      if (track) {
        transceiver.sender.replaceTrack(track);
        transceiver.direction = "sendrecv";
      }
    }
  }

  function gathered(pc) {
    if (pc.iceGatheringState === "complete") return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        if (pc.iceGatheringState === "complete") {
          pc.removeEventListener("icegatheringstatechange", done);
          resolve();
        }
      };
      pc.addEventListener("icegatheringstatechange", done);
      setTimeout(resolve, ICE_WAIT_MS);
    });
  }

  async function answer(message) {
    if (!state.pc || !state.call || message.call_id !== state.call.id) return;
    const fingerprint = (/a=fingerprint:(\S+ \S+)/.exec(message.sdp) || [])[1] || "";
    if (state.pc.remoteDescription && fingerprint !== state.remoteFingerprint) {
      stopRecording("居民端的媒体连接已重建，录像已停止（可再次请求）");
      log("居民端重新建立了媒体连接");
      newPeerConnection();
    }
    state.remoteFingerprint = fingerprint;
    state.offers = (state.offers || 0) + 1;
    const pc = state.pc;
    await pc.setRemoteDescription({ type: "offer", sdp: message.sdp });
    attachLocalTracks(pc);
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    if (state.pc !== pc) return;
    send({ type: "answer", call_id: state.call.id, sdp: pc.localDescription.sdp });
    state.stats.answeredAt = Date.now();
    callState("连接中");
  }

  async function readStats() {
    const pc = state.pc;
    if (!pc) return;
    const now = { at: performance.now(), framesIn: 0, framesOut: 0 };
    const reports = await pc.getStats();
    const stats = state.stats;
    reports.forEach((report) => {
      if (report.type === "inbound-rtp" && report.kind === "video") {
        now.framesIn = report.framesDecoded || 0;
        stats.width = report.frameWidth || 0;
        stats.height = report.frameHeight || 0;
      } else if (report.type === "outbound-rtp" && report.kind === "video") {
        now.framesOut += report.framesEncoded || 0;
      } else if (report.type === "inbound-rtp" && report.kind === "audio") {
        stats.audioPacketsIn = report.packetsReceived || 0;
      } else if (report.type === "outbound-rtp" && report.kind === "audio") {
        stats.audioPacketsOut = report.packetsSent || 0;
      }
    });
    if (previous) {
      const seconds = (now.at - previous.at) / 1000;
      stats.fpsIn = (now.framesIn - previous.framesIn) / seconds;
      stats.fpsOut = (now.framesOut - previous.framesOut) / seconds;
    }
    stats.framesIn = now.framesIn;
    stats.framesOut = now.framesOut;
    previous = now;
    $("stats").textContent =
      `接收 ${stats.fpsIn.toFixed(1)} fps（${stats.width}×${stats.height}） · 发送 ${stats.fpsOut.toFixed(1)} fps` +
      ` · 音频 收 ${stats.audioPacketsIn} 包 / 发 ${stats.audioPacketsOut} 包`;
  }

  function endCall(reason) {
    if (!state.call) return;
    stopRecording(reason === "resident" || reason === "lost" ? "通话结束，录像已停止" : "录像已停止");
    clearInterval(state.statsTimer);
    previous = null;
    if (state.pc) state.pc.close();
    state.pc = null;
    state.call = null;
    $("remote-video").srcObject = null;
    $("call").hidden = true;
    callState("");
    renderWaiting();
  }

  function showRemoteMute(message) {
    const parts = [];
    if (message.audio) parts.push("居民已静音");
    if (message.video) parts.push("居民已关闭摄像头");
    $("remote-muted").textContent = parts.join("，");
    $("remote-muted").hidden = parts.length === 0;
  }

  function toggleMute(kind) {
    if (kind === "audio") state.audioMuted = !state.audioMuted;
    else state.videoMuted = !state.videoMuted;
    if (state.local) {
      for (const track of state.local.getAudioTracks()) track.enabled = !state.audioMuted;
      for (const track of state.local.getVideoTracks()) track.enabled = !state.videoMuted;
    }
    $("mute-audio").textContent = state.audioMuted ? "取消静音" : "静音";
    $("mute-video").textContent = state.videoMuted ? "打开摄像头" : "关闭摄像头";
    if (state.call) send({ type: "mute", call_id: state.call.id, audio: state.audioMuted, video: state.videoMuted });
  }

  // -- pushes -----------------------------------------------------------------------------------------------------

  function addGuideOption(id, name) {
    if ([...$("guide-items").options].some((o) => o.value === id)) return;
    const option = document.createElement("option");
    option.value = id;
    option.textContent = name || id;
    $("guide-items").append(option);
  }

  function push(fields, note) {
    if (!state.call) return;
    const message = { type: "push", call_id: state.call.id, ...fields };
    send(message);
    state.pushes.push(message);
    log(note);
  }

  // -- recording --------------------------------------------------------------------------------------------------

  function recordingStream() {
    // The resident's picture with both voices mixed (a recorder takes one audio track).
    const remote = $("remote-video").srcObject;
    const tracks = remote ? remote.getVideoTracks() : [];
    const voices = [...(remote ? remote.getAudioTracks() : []), ...(state.local ? state.local.getAudioTracks() : [])];
    try {
      const context = new AudioContext();
      const mix = context.createMediaStreamDestination();
      for (const track of voices) context.createMediaStreamSource(new MediaStream([track])).connect(mix);
      state.recordingAudio = context;
      return new MediaStream([...tracks, ...mix.stream.getAudioTracks()]);
    } catch (_) {
      return new MediaStream([...tracks, ...voices.slice(0, 1)]);
    }
  }

  function startRecording() {
    if (state.recorder || !state.call) return;
    const types = ["video/webm;codecs=vp8,opus", "video/webm"];
    const mimeType = types.find((t) => MediaRecorder.isTypeSupported(t)) || "";
    const recorder = new MediaRecorder(recordingStream(), { mimeType, videoBitsPerSecond: 600000, audioBitsPerSecond: 48000 });
    const recording = { callId: state.call.id, part: (state.recordingParts || 0) + 1, seq: 0, bytes: 0, chain: Promise.resolve(), failed: false };
    state.recordingParts = recording.part;
    state.recorder = recorder;
    state.recording = recording;
    state.lastRecording = recording;
    recorder.ondataavailable = (event) => {
      if (!event.data.size) return;
      for (let at = 0; at < event.data.size; at += PIECE) {
        const piece = event.data.slice(at, at + PIECE);
        recording.chain = recording.chain.then(() => upload(recording, piece));
      }
    };
    recorder.onstop = () => {
      recording.chain.then(() => {
        if (state.recordingAudio) state.recordingAudio.close();
        state.recordingAudio = null;
        if (!recording.failed) $("record-status").textContent = `录像已保存（${Math.round(recording.bytes / 1024)} KB）`;
        recording.done = true;
      });
    };
    recorder.start(1000);
    $("record-status").textContent = "居民已同意，录像中";
    log("开始录像");
    updateButtons();
  }

  async function upload(recording, piece) {
    if (recording.failed) return;
    const seq = recording.seq++;
    const address = `/clerk/consult/${encodeURIComponent(recording.callId)}/recording?part=${recording.part}&seq=${seq}`;
    for (let attempt = 0; attempt < 3; attempt++) {
      let reply;
      try {
        reply = await fetch(address, {
          method: "POST", body: piece, credentials: "same-origin", redirect: "error",
          headers: { "Content-Type": "video/webm", "X-CSRF-Token": csrf },
        });
      } catch (_) {
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
        continue;
      }
      if (reply.ok) {
        recording.bytes += piece.size;
        state.uploaded = recording.bytes;
        if (state.recording === recording) $("record-status").textContent = `录像中，已上传 ${Math.round(recording.bytes / 1024)} KB`;
        return;
      }
      if (reply.status < 500) break; // refused: no consent any more, not this clerk's call, too large
    }
    recording.failed = true;
    if (state.recording === recording) stopRecording("录像上传被拒绝或失败，已停止");
  }

  function stopRecording(note) {
    const recorder = state.recorder;
    if (!recorder) return;
    state.recorder = null;
    state.recording = null;
    if (recorder.state !== "inactive") recorder.stop();
    if (note) {
      $("record-status").textContent = note;
      log(note);
    }
    updateButtons();
  }

  function onConsent(granted) {
    if (granted) {
      log("居民同意录像");
      startRecording();
    } else if (state.recorder) {
      stopRecording("居民撤回了录像同意，录像已停止");
    } else {
      $("record-status").textContent = "居民不同意录像";
      log("居民不同意录像");
    }
  }

  // -- buttons ----------------------------------------------------------------------------------------------------

  $("accept-next").addEventListener("click", () => send({ type: "accept" }));
  $("hangup").addEventListener("click", () => {
    if (!state.call) return;
    send({ type: "hangup", call_id: state.call.id, reason: "clerk" });
    log(HANGUP_TEXT.clerk);
    endCall("clerk");
  });
  $("mute-audio").addEventListener("click", () => toggleMute("audio"));
  $("mute-video").addEventListener("click", () => toggleMute("video"));
  $("push-guide").addEventListener("click", () => {
    const id = $("guide-item").value.trim() || (state.call && state.call.item ? state.call.item.id : "");
    if (!id) return log("请输入事项编号");
    addGuideOption(id, "");
    push({ kind: "guide", item_id: id }, `已在终端上显示办事指南（${id}）`);
  });
  $("push-document").addEventListener("click", () => {
    const title = $("doc-title").value.trim();
    const text = $("doc-text").value.trim();
    if (!title || !text) return log("请填写说明的标题和内容");
    push({ kind: "document", title, text }, `已在终端上显示说明“${title}”`);
  });
  $("push-clear").addEventListener("click", () => push({ kind: "clear" }, "已清除终端上的内容"));
  $("record-request").addEventListener("click", () => {
    if (!state.call) return;
    send({ type: "record_request", call_id: state.call.id });
    $("record-status").textContent = "已请求，等待居民同意…";
    log("已请求录像，等待居民同意");
  });
  $("record-stop").addEventListener("click", () => stopRecording("录像已停止"));

  setInterval(() => {
    // waiting times tick between the hub's updates
    const since = (performance.now() - state.waitingAt) / 1000;
    state.waiting.forEach((call) => {
      const cell = document.querySelector(`#waiting-${CSS.escape(call.call_id)} .waited`);
      if (cell) cell.textContent = minutes(call.waiting_s + since);
    });
  }, 1000);

  openCamera().finally(connect);
})();

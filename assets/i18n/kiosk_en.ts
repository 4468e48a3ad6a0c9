<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../ui/screens/attract.py" line="53" />
        <source>黄埔区10个邮政网点可办理530项政务服务事项，周末照常办理</source>
        <translation>530 government services at Huangpu's 10 post offices, open at weekends too</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="54" />
        <source>本机可查询1304项政务服务事项，其中824项可在本机自助办理</source>
        <translation>Look up 1,304 services here; 824 of them can be done at this terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="55" />
        <source>个人社保、就业，企业开办、经营中的常办事项，可在邮政网点窗口一次办好</source>
        <translation>Social insurance, jobs, starting and running a company: done in one visit at the post office counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="56" />
        <source>办理结果可通过EMS寄递到家，不必再跑一趟</source>
        <translation>Results can be sent home by EMS: no second trip</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="57" />
        <source>港澳居民可持港澳居民来往内地通行证在本机查询办事指南</source>
        <translation>Hong Kong and Macao residents can look up service guides here with their Home Return Permit</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="62" />
        <source>政务服务 · 邮政便民</source>
        <translation>Government services at your post office</translation>
    </message>
    <message>
        <location filename="../../ui/screens/attract.py" line="63" />
        <location filename="../../ui/screens/attract.py" line="96" />
        <source>请触摸屏幕开始</source>
        <translation>Touch the screen to start</translation>
    </message>
</context>
<context>
    <name>BrowseScreen</name>
    <message>
        <location filename="../../ui/screens/browse.py" line="104" />
        <source>全部主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="105" />
        <source>全部部门</source>
        <translation>Departments</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="135" />
        <source>没有找到相关事项，请换个说法试试，或拨打12345热线咨询</source>
        <translation>Nothing found. Try other words, or call the 12345 hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="137" />
        <source>找到的相关事项：</source>
        <translation>Services found:</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="139" />
        <source>常用事项（可输入名称、拼音或首字母查找）：</source>
        <translation>Popular services (search by name, pinyin or initials):</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="141" />
        <source>第 %1 / %2 页</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="180" />
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="186" />
        <source>输入事项名称、拼音或首字母，如：社保卡、shebaoka、sbk</source>
        <translation>Type a service name, pinyin or initials, e.g. social security card, shebaoka, sbk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="187" />
        <source>‹ 上一页</source>
        <translation>‹ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="188" />
        <source>下一页 ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>收起键盘</source>
        <translation>Hide keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="195" />
        <source>打开键盘</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/screens/browse.py" line="254" />
        <source>请输入您要办理的事项，或在下方列表中选择</source>
        <translation>Type what you need, or choose from the list</translation>
    </message>
</context>
<context>
    <name>CaptureScreen</name>
    <message>
        <location filename="../../ui/screens/capture.py" line="242" />
        <source>居民身份证（人像面）</source>
        <translation>ID card (photo side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="243" />
        <source>居民身份证（国徽面）</source>
        <translation>ID card (emblem side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="244" />
        <source>营业执照</source>
        <translation>business licence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="250" />
        <source>请把身份证有照片的一面朝上，放到高拍仪下方</source>
        <translation>Place your ID card under the document camera, photo side up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="251" />
        <source>请把身份证有国徽的一面朝上，放到高拍仪下方</source>
        <translation>Place your ID card under the document camera, emblem side up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="252" />
        <source>请把营业执照正本或副本朝上，放到高拍仪下方</source>
        <translation>Place the business licence (original or duplicate) under the document camera, face up</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="258" />
        <source>请把证件放到下方台面上</source>
        <translation>Place the document on the surface below</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="259" />
        <source>请把证件移近一些</source>
        <translation>Bring the document a little closer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="260" />
        <source>请把证件拿远一些</source>
        <translation>Move the document a little further away</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="261" />
        <source>请把证件往右移：左边出了画面</source>
        <translation>Move the document right: its left edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="262" />
        <source>请把证件往左移：右边出了画面</source>
        <translation>Move the document left: its right edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="263" />
        <source>请把证件往下移：上边出了画面</source>
        <translation>Move the document down: its top edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="264" />
        <source>请把证件往上移：下边出了画面</source>
        <translation>Move the document up: its bottom edge is outside the picture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="265" />
        <source>请把证件放平，正对镜头</source>
        <translation>Lay the document flat, facing the camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="266" />
        <source>有反光挡住文字，请把证件稍微倾斜</source>
        <translation>Glare hides some text: tilt the document slightly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="267" />
        <source>光线太暗，请换到亮一些的地方</source>
        <translation>Too dark: move to where it is brighter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="268" />
        <source>光线太强，请避开直射的灯光</source>
        <translation>Too bright: move out of direct light</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="269" />
        <source>画面模糊，请拿稳证件</source>
        <translation>The picture is blurred: hold the document still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="270" />
        <source>请保持不动</source>
        <translation>Hold still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="271" />
        <source>请保持不动，正在拍照……</source>
        <translation>Hold still, taking the picture…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="272" />
        <source>拍好了</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="273" />
        <source>拍好了，正在识别，请稍候……</source>
        <translation>Picture taken. Reading it, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="274" />
        <source>没有识别成功，请重新放好证件</source>
        <translation>The document could not be read. Please place it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="280" />
        <source>四个角都要在画面里。放好后不要动，会自动拍照</source>
        <translation>All four corners must be in the picture. Then hold still: the picture is taken automatically</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="282" />
        <source>立即拍照</source>
        <translation>Take the picture now</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="283" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="289" />
        <source>正在打开高拍仪……</source>
        <translation>Starting the document camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="290" />
        <source>高拍仪不可用，请到窗口办理或联系工作人员</source>
        <translation>The document camera is not available. Please go to a service window or ask the staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="291" />
        <source>高拍仪没有画面，请联系工作人员</source>
        <translation>The document camera shows no picture. Please ask the staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/capture.py" line="378" />
        <source>没有自动拍照？放好证件后可以点“立即拍照”</source>
        <translation>No picture yet? Place the document and press "Take the picture now"</translation>
    </message>
</context>
<context>
    <name>DiagnosticsScreen</name>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="513" />
        <source>终端编号：</source>
        <translation>Terminal ID: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="514" />
        <source>服务网点：</source>
        <translation>Service point: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="515" />
        <source>事项目录版本：</source>
        <translation>Catalog version: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="526" />
        <source>软件版本：</source>
        <translation>Software: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="527" />
        <source>配置来源：</source>
        <translation>Configuration: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="518" />
        <source>设备驱动：</source>
        <translation>Device drivers: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="519" />
        <source>语音播报：</source>
        <translation>Voice guidance: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="519" />
        <source>可用</source>
        <translation>available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="330" />
        <location filename="../../ui/screens/diagnostics.py" line="402" />
        <location filename="../../ui/screens/diagnostics.py" line="466" />
        <location filename="../../ui/screens/diagnostics.py" line="519" />
        <source>不可用</source>
        <translation>not available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="215" />
        <source>高拍仪</source>
        <translation>Document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="217" />
        <source>指静脉仪</source>
        <translation>Finger-vein scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="234" />
        <source>正在检测设备……</source>
        <translation>Checking devices…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="237" />
        <location filename="../../ui/screens/diagnostics.py" line="511" />
        <location filename="../../ui/screens/diagnostics.py" line="517" />
        <source>检测中</source>
        <translation>Checking</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="240" />
        <source>未配置</source>
        <translation>Not configured</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="248" />
        <source>未启用（保存为 PDF）</source>
        <translation>off (PDF kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="283" />
        <source>未安装</source>
        <translation>Not installed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="286" />
        <source>（选配）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="294" />
        <source>必需设备均正常</source>
        <translation>All required devices are working</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="294" />
        <source>必需设备故障：</source>
        <translation>Required device failing: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="317" />
        <source>（将保存为 PDF）</source>
        <translation> (PDF will be kept)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="334" />
        <source>测试中</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="344" />
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="344" />
        <location filename="../../ui/screens/diagnostics.py" line="473" />
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="350" />
        <source>请把身份证放在阅读器上</source>
        <translation>Place an ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="359" />
        <source>正在打印测试页</source>
        <translation>Printing the test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="369" />
        <source>请在 %1 秒内扫描任意条码</source>
        <translation>Scan any code within %1 s</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="375" />
        <source>正在播放 1000 Hz 测试音</source>
        <translation>Playing a 1000 Hz test tone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="380" />
        <source>播放并录音</source>
        <translation>Playing and recording</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="389" />
        <source>请把手指放在指静脉仪上</source>
        <translation>Place a finger on the finger-vein scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="407" />
        <source>正在连接摄像头……</source>
        <translation>Connecting to the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="430" />
        <source>预览中</source>
        <translation>Previewing</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="435" />
        <source>太暗</source>
        <translation>too dark</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="436" />
        <source>过亮</source>
        <translation>too bright</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="437" />
        <source>未对焦</source>
        <translation>out of focus</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="438" />
        <source>良好</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="441" />
        <source>亮度 %1 · 清晰度 %2 · %3 · %4</source>
        <translation>Brightness %1 · focus %2 · %3 · %4</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="452" />
        <location filename="../../ui/screens/diagnostics.py" line="598" />
        <source>摄像头预览未开启</source>
        <translation>Camera preview is off</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="516" />
        <source>服务中枢：</source>
        <translation>Service hub: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="517" />
        <source>A4 打印：</source>
        <translation>A4 printing: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="520" />
        <source>拼音输入词库：</source>
        <translation>Pinyin dictionary: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="520" />
        <source>已加载</source>
        <translation>loaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="520" />
        <source>未加载</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="521" />
        <source>已结束会话数：</source>
        <translation>Sessions ended: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="522" />
        <source>磁盘可用：</source>
        <translation>Disk free: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="523" />
        <source>内存可用：</source>
        <translation>Memory available: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="524" />
        <source>CPU 温度：</source>
        <translation>CPU temperature: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="524" />
        <source>无传感器</source>
        <translation>no sensor</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="525" />
        <source>运行时间：</source>
        <translation>Running for: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="578" />
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="579" />
        <source>系统</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="580" />
        <source>最近日志（不含个人信息）</source>
        <translation>Recent log (no personal data)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="581" />
        <source>麦克风电平</source>
        <translation>Microphone level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="584" />
        <source>读卡</source>
        <translation>Read card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="585" />
        <source>打印测试页</source>
        <translation>Test page</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="586" />
        <source>扫码</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="587" />
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="588" />
        <source>测试音</source>
        <translation>Tone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="589" />
        <source>电平</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="590" />
        <source>回环</source>
        <translation>Loopback</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="591" />
        <source>采集</source>
        <translation>Capture</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="211" />
        <source>身份证阅读器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="212" />
        <source>凭条打印机</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="213" />
        <source>扫码器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="214" />
        <source>摄像头</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="216" />
        <source>扬声器和麦克风</source>
        <translation>Speaker and microphone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="287" />
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="274" />
        <location filename="../../ui/screens/diagnostics.py" line="287" />
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="537" />
        <source>（暂无日志）</source>
        <translation>(no log yet)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="554" />
        <source>正在导出报告……</source>
        <translation>Exporting the report…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="562" />
        <source>导出失败：</source>
        <translation>Export failed: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="567" />
        <source>报告已导出：</source>
        <translation>Report exported: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="576" />
        <source>退出诊断</source>
        <translation>Leave diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/screens/diagnostics.py" line="577" />
        <source>导出报告</source>
        <translation>Export report</translation>
    </message>
</context>
<context>
    <name>ErrorScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="123" />
        <source>抱歉，刚才出了点问题</source>
        <translation>Sorry, something went wrong</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="124" />
        <source>您的信息已清除。请重新开始，或到窗口请工作人员帮助。</source>
        <translation>Your information has been cleared. Please start again, or ask the staff at the counter.</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="125" />
        <source>重新开始</source>
        <translation>Start again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="129" />
        <source>抱歉，刚才出了点问题，请重新开始</source>
        <translation>Sorry, something went wrong. Please start again</translation>
    </message>
</context>
<context>
    <name>FaceScreen</name>
    <message>
        <location filename="../../ui/screens/face.py" line="202" />
        <source>请把身份证放在读卡器上</source>
        <translation>Please place your ID card on the card reader</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="203" />
        <source>正在读取身份证，请不要移开……</source>
        <translation>Reading the ID card, please leave it in place…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="204" />
        <source>正在准备证件照片，请稍候……</source>
        <translation>Preparing the ID card photo, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="205" />
        <source>请看着屏幕，把脸放进框里</source>
        <translation>Please look at the screen and put your face in the oval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="206" />
        <source>请一个人站在镜头前</source>
        <translation>Only one person in front of the camera, please</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="207" />
        <source>请靠近一些</source>
        <translation>Please come a little closer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="208" />
        <source>请稍微往后站</source>
        <translation>Please step back a little</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="209" />
        <source>请把脸移到框的中间</source>
        <translation>Please move your face to the middle of the oval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="210" />
        <source>请正对屏幕</source>
        <translation>Please face the screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="211" />
        <source>脸部太暗，请站到亮一些的地方</source>
        <translation>Your face is too dark: please step into the light</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="212" />
        <source>脸部光线太强</source>
        <translation>Too much light on your face</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="213" />
        <source>请保持不动</source>
        <translation>Please hold still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="214" />
        <source>很好，请保持不动</source>
        <translation>Good, please hold still</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="215" />
        <source>请眨眨眼</source>
        <translation>Please blink</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="216" />
        <source>请慢慢向左转头</source>
        <translation>Please turn your head slowly to the left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="217" />
        <source>请慢慢向右转头</source>
        <translation>Please turn your head slowly to the right</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="218" />
        <source>请慢慢点头</source>
        <translation>Please nod slowly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="219" />
        <source>核验通过</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="220" />
        <source>人脸与身份证照片不一致</source>
        <translation>Your face does not match the ID card photo</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="221" />
        <source>没有看到要求的动作</source>
        <translation>The requested movement was not seen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="222" />
        <source>没有通过活体检测，请本人正对镜头</source>
        <translation>The liveness check failed: please face the camera yourself</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="223" />
        <source>请本人正对镜头，不要使用照片或屏幕</source>
        <translation>Please face the camera yourself, not a photo or a screen</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="224" />
        <source>检测过程中换了人</source>
        <translation>A different person appeared during the check</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="225" />
        <source>无法使用这张身份证的照片</source>
        <translation>The photo on this ID card cannot be used</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="226" />
        <source>没有读到身份证，请重新放好</source>
        <translation>The ID card was not read: please place it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="227" />
        <source>摄像头不可用</source>
        <translation>The camera is not available</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="232" />
        <source>刷脸核验身份</source>
        <translation>Verify identity by face</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="234" />
        <source>再试一次</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="235" />
        <source>视频连线工作人员</source>
        <translation>Video call with a clerk</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="236" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="237" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="238" />
        <source>正在打开摄像头……</source>
        <translation>Opening the camera…</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="389" />
        <source>摄像头没有画面，请联系工作人员</source>
        <translation>The camera shows no picture: please ask a member of staff</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="412" />
        <source>还剩 %1 秒</source>
        <translation>%1 s left</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/face.py" line="427" />
        <source>还可以再试 %n 次</source>
        <translation><numerusform>%n more tries</numerusform><numerusform>%n more tries</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="429" />
        <source>请到人工窗口，工作人员会帮您核验身份</source>
        <translation>Please go to the counter: a clerk will verify your identity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/face.py" line="431" />
        <source>已确认是您本人</source>
        <translation>Your identity is confirmed</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="39" />
        <source>查询全部1304项服务的办事指南</source>
        <translation>Guides for all 1,304 services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>自助申报</source>
        <translation>Self-service</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="40" />
        <source>824项事项可在本机办理</source>
        <translation>824 services you can do here</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>视频咨询</source>
        <translation>Video help</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="41" />
        <source>与工作人员视频通话</source>
        <translation>Talk to a clerk by video</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>预约上门</source>
        <translation>Home pickup</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="42" />
        <source>邮政人员上门收取材料</source>
        <translation>A postal officer collects your documents</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>办件查询</source>
        <translation>Track an application</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="43" />
        <source>查看申请的办理进度</source>
        <translation>See how your application is going</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>社保业务</source>
        <translation>Social insurance</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="44" />
        <source>参保、缴费、待遇、社保卡</source>
        <translation>Enrolment, payments, benefits, cards</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>智能审批</source>
        <translation>Instant approval</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="45" />
        <source>符合条件即时审批</source>
        <translation>Approved at once when eligible</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>粤港澳大湾区政务</source>
        <translation>Greater Bay Area services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="46" />
        <source>湾区通办服务</source>
        <translation>Services across the Bay Area</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>省政务服务网黄埔区分厅</source>
        <translation>Guangdong portal: Huangpu hall</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="47" />
        <source>广东政务服务网</source>
        <translation>Guangdong government services online</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>网上中介超市</source>
        <translation>Online intermediary market</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="48" />
        <source>中介服务事项</source>
        <translation>Intermediary services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>粤省事</source>
        <translation>Yueshengshi</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="49" />
        <source>广东民生服务</source>
        <translation>Guangdong public services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>更多服务 ›</source>
        <translation>More services ›</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="84" />
        <source>‹ 返回常用服务</source>
        <translation>‹ Main services</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="94" />
        <source>欢迎使用政务服务自助终端</source>
        <translation>Welcome to the government service terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/home.py" line="112" />
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
</context>
<context>
    <name>IdleOverlay</name>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="50" />
        <source>您还在办理吗？</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="51" />
        <source>%1 秒后将结束办理，并清除您在本机输入的所有信息</source>
        <translation>In %1 seconds this session ends and everything you entered is cleared</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="52" />
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/idle_overlay.py" line="53" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>ItemScreen</name>
    <message>
        <location filename="../../ui/screens/item.py" line="102" />
        <source>识别营业执照</source>
        <translation>Read my business licence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="102" />
        <source>营业执照正本或副本，放到高拍仪下即可</source>
        <translation>Original or duplicate: just place it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="104" />
        <location filename="../../ui/screens/item.py" line="105" />
        <source>识别证件</source>
        <translation>Read my ID card</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="104" />
        <source>居民身份证国徽面，放到高拍仪下即可</source>
        <translation>Emblem side: just place it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="105" />
        <source>居民身份证人像面，放到高拍仪下即可</source>
        <translation>Photo side: just place it under the document camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="110" />
        <source>居民身份证（人像面）</source>
        <translation>ID card (photo side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="111" />
        <source>居民身份证（国徽面）</source>
        <translation>ID card (emblem side)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="112" />
        <source>营业执照</source>
        <translation>business licence</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>刷脸核验身份</source>
        <translation>Verify identity by face</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="135" />
        <source>身份证放到读卡器上，再看着摄像头</source>
        <translation>ID card on the reader, then look at the camera</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="142" />
        <source>%1已识别并核对</source>
        <translation>%1: read and checked</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="147" />
        <source>身份已核验</source>
        <translation>Identity verified</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="152" />
        <source>即办（当场办结）</source>
        <translation>Same day (done on the spot)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/item.py" line="152" />
        <source>%n 个工作日</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="158" />
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="158" />
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="158" />
        <source>电子版</source>
        <translation>electronic</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="160" />
        <source>本机自助办理</source>
        <translation>At this terminal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="161" />
        <source>邮政网点窗口办理</source>
        <translation>At a post office counter</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="162" />
        <source>网上办理（广东政务服务网、粤省事）</source>
        <translation>Online (Guangdong government portal, Yueshengshi)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="163" />
        <source>政务服务中心窗口办理</source>
        <translation>At the government service centre</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="164" />
        <source>可预约邮政人员上门收取材料</source>
        <translation>Home pickup of documents by a postal officer</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="166" />
        <source>个人</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="166" />
        <source>企业</source>
        <translation>Business</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="166" />
        <source>个人和企业</source>
        <translation>Individuals and businesses</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="174" />
        <source>必须</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="174" />
        <source>视情况提供</source>
        <translation>if applicable</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="177" />
        <source>不收费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="180" />
        <source>需要带的材料</source>
        <translation>What to bring</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="181" />
        <source>去哪里办</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="183" />
        <source>多久办好</source>
        <translation>How long it takes</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="185" />
        <source>承诺时限：</source>
        <translation>Promised: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="186" />
        <source>法定时限：</source>
        <translation>Legal limit: </translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="189" />
        <source>收费</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="190" />
        <source>可以怎么办</source>
        <translation>Ways to apply</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="191" />
        <source>办理步骤</source>
        <translation>Steps</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="192" />
        <source>咨询电话</source>
        <translation>Enquiries</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="193" />
        <source>服务对象与部门</source>
        <translation>For whom, and which department</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="194" />
        <source>设定依据</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="201" />
        <source>指南已打印，请在下方出纸口取走</source>
        <translation>Your guide is printed: please take it from the slot below</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="203" />
        <source>打印机暂不可用，请用手机扫描上方二维码保存指南</source>
        <translation>The printer is not available: scan the QR code above to keep the guide on your phone</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="208" />
        <source>手机扫码，把指南带走</source>
        <translation>Scan to take this guide with you</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="209" />
        <source>打印办事指南</source>
        <translation>Print this guide</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="210" />
        <source>需要帮助可拨打12345政务服务热线</source>
        <translation>For help, call the 12345 government hotline</translation>
    </message>
    <message>
        <location filename="../../ui/screens/item.py" line="233" />
        <source>这是办事指南，请准备好所列材料。可以打印指南，或用手机扫描二维码带走</source>
        <translation>This is the service guide. Please bring the documents listed. You can print it, or scan the QR code to take it with you</translation>
    </message>
</context>
<context>
    <name>KioskWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="197" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="198" />
        <source>事项查询</source>
        <translation>Find a service</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199" />
        <source>办事指南</source>
        <translation>Service guide</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="200" />
        <source>证件识别</source>
        <translation>Read a document</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="201" />
        <source>核对信息</source>
        <translation>Check the details</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="202" />
        <source>身份核验</source>
        <translation>Identity check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="203" />
        <source>网上服务</source>
        <translation>Online services</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="204" />
        <source>技术人员入口</source>
        <translation>Technician access</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205" />
        <source>终端诊断</source>
        <translation>Terminal diagnostics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>正在打印，请稍候……</source>
        <translation>Printing, please wait…</translation>
    </message>
</context>
<context>
    <name>PinScreen</name>
    <message>
        <location filename="../../ui/screens/service.py" line="70" />
        <source>未设置技术人员密码</source>
        <translation>No technician PIN is set</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="78" />
        <source>错误次数过多，请 %1 秒后再试</source>
        <translation>Too many wrong PINs: try again in %1 seconds</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="81" />
        <source>密码错误，还可尝试 %1 次</source>
        <translation>Wrong PIN: %1 tries left</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="85" />
        <source>技术人员入口：请输入密码</source>
        <translation>Technician access: enter the PIN</translation>
    </message>
    <message>
        <location filename="../../ui/screens/service.py" line="86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PortalView</name>
    <message>
        <location filename="../../ui/portal.py" line="138" />
        <source>返回首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="143" />
        <source>上一页</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="191" />
        <location filename="../../ui/portal.py" line="268" />
        <location filename="../../ui/portal.py" line="272" />
        <source>该网页不在本服务范围内</source>
        <translation>This page is outside this service</translation>
    </message>
    <message>
        <location filename="../../ui/portal.py" line="264" />
        <source>本机不提供文件下载</source>
        <translation>Downloads are not available on this terminal</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <location filename="../../ui/screens/review.py" line="198" />
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="199" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="200" />
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="201" />
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="202" />
        <source>注册资本</source>
        <translation>Registered capital</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="203" />
        <source>成立日期</source>
        <translation>Date of establishment</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="204" />
        <source>住所</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="208" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="209" />
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="210" />
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="211" />
        <source>出生日期</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="212" />
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="213" />
        <source>公民身份号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="214" />
        <source>签发机关</source>
        <translation>Issuing authority</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="215" />
        <source>有效期自</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="216" />
        <source>有效期至</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="223" />
        <source>没有读出内容</source>
        <translation>nothing could be read</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="224" />
        <source>字迹不够清楚，可能读错</source>
        <translation>not clear enough, it may be read wrongly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="225" />
        <source>号码的位数或格式不对</source>
        <translation>the number has the wrong length or form</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="226" />
        <source>号码最后一位的校验不通过</source>
        <translation>the last digit of the number does not check out</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="227" />
        <source>号码里的出生日期与证件上的不一致</source>
        <translation>the birth date in the number differs from the one printed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="228" />
        <source>号码与性别不一致</source>
        <translation>the number does not match the sex</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="229" />
        <source>号码开头的地区代码不存在</source>
        <translation>the area code at the start of the number does not exist</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="230" />
        <source>代码的格式或校验位不对</source>
        <translation>the code's form or check character is wrong</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="231" />
        <source>应为“男”或“女”</source>
        <translation>should be 男 (male) or 女 (female)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="232" />
        <source>不是56个民族之一</source>
        <translation>not one of the 56 ethnic groups</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="233" />
        <source>不是有效的日期，请按 1980-01-31 的格式填写</source>
        <translation>not a valid date: please write it like 1980-01-31</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="234" />
        <source>有效期限不符合规定</source>
        <translation>the period of validity is not one the rules allow</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="235" />
        <source>内容不符合证件的编排规则</source>
        <translation>it does not follow the document's rules</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="236" />
        <source>可能读错</source>
        <translation>it may be read wrongly</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="241" />
        <source>这是证件的另一面，请翻过来后重拍</source>
        <translation>This is the other side of the card: turn it over and take the picture again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="242" />
        <source>这可能不是要求的证件，请检查后重拍</source>
        <translation>This may not be the document asked for. Please check and take the picture again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="243" />
        <source>这看起来是复印件，请使用证件原件</source>
        <translation>This looks like a photocopy. Please use the original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="244" />
        <source>这看起来是屏幕上的照片，请使用证件原件</source>
        <translation>This looks like a picture on a screen. Please use the original</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="245" />
        <source>证件有反光，部分文字可能没读准，请仔细核对</source>
        <translation>Glare on the document: some text may be read wrongly, please check carefully</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="246" />
        <source>照片有些模糊，请仔细核对，或者重拍</source>
        <translation>The picture is a little blurred: please check carefully, or take it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="247" />
        <source>照片偏暗，请仔细核对，或者重拍</source>
        <translation>The picture is dark: please check carefully, or take it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="248" />
        <source>照片过亮，请仔细核对，或者重拍</source>
        <translation>The picture is too bright: please check carefully, or take it again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="253" />
        <source>请核对识别结果</source>
        <translation>Please check what was read</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="254" />
        <source>标有 ⚠ 的项目请逐一核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>Check each item marked ⚠: press "Correct" if it is right, or press the text to change it</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="255" />
        <source>重拍</source>
        <translation>Take again</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="256" />
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="257" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="258" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="259" />
        <source>也可能是（点一下即可选用）：</source>
        <translation>It may also be (press one to use it):</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="268" />
        <source>请核对识别结果。有 %n 项需要核对：内容正确就点“正确”，不对就点内容修改</source>
        <translation>
            <numerusform>Please check what was read. %n item needs checking: press "Correct" if it is right, or press the text to change it</numerusform>
            <numerusform>Please check what was read. %n items need checking: press "Correct" if they are right, or press the text to change them</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="269" />
        <source>请核对识别结果，没有问题就点“确认”</source>
        <translation>Please check what was read, then press "Confirm"</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="302" />
        <source>请核对：%1</source>
        <translation>Please check: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="377" />
        <source>修改：%1</source>
        <translation>Change: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="378" />
        <source>识别结果：%1</source>
        <translation>Read as: %1</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="303" />
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="304" />
        <source>已修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="309" />
        <location filename="../../ui/screens/review.py" line="378" />
        <source>（没有读出）</source>
        <translation>(nothing read)</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="311" />
        <source>正确</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="312" />
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/screens/review.py" line="322" />
        <source>还有 %n 项需要核对</source>
        <translation>
            <numerusform>%n item still to check</numerusform>
            <numerusform>%n items still to check</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/screens/review.py" line="324" />
        <source>都核对好了，请点“确认”</source>
        <translation>All checked: please press "Confirm"</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <location filename="../../ui/chrome.py" line="77" />
        <source>⌂ 首页</source>
        <translation>⌂ Home</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="78" />
        <source>‹ 返回</source>
        <translation>‹ Back</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="79" />
        <source>朗读</source>
        <translation>Read aloud</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="80" />
        <source>结束办理</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版 ✓</source>
        <translation>Large text ✓</translation>
    </message>
    <message>
        <location filename="../../ui/chrome.py" line="86" />
        <source>长辈版</source>
        <translation>Large text</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="164" />
        <location filename="../../ui/widgets/keyboard.py" line="429" />
        <source>更多 ▶</source>
        <translation>More ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="177" />
        <location filename="../../ui/widgets/keyboard.py" line="428" />
        <source>切换输入方式：拼音、字母、数字</source>
        <translation>Switch input: pinyin, letters, digits</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="179" />
        <location filename="../../ui/widgets/keyboard.py" line="425" />
        <source>空格</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="181" />
        <location filename="../../ui/widgets/keyboard.py" line="426" />
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="183" />
        <location filename="../../ui/widgets/keyboard.py" line="427" />
        <source>清空</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="404" />
        <source>输入拼音，点选汉字</source>
        <translation>Type pinyin, then tap a character</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="407" />
        <source>词库准备中，字母直接输入</source>
        <translation>Dictionary loading: letters go straight in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="410" />
        <source>字母、数字直接输入</source>
        <translation>Letters and digits go straight in</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>拼音</source>
        <translation>Pinyin</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>ABC</source>
        <translation>ABC</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/keyboard.py" line="433" />
        <source>123</source>
        <translation>123</translation>
    </message>
</context>
</TS>
